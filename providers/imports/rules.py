"""The provider portal's rules about what a listing may be, applied to an imported row so
that an import never makes a listing the portal would refuse. Each adds a (field, problem)
to the row in the style of spec.py; the rules themselves are providers.selectors'.

- A kind of provider offers only the kinds of support that fit it (`support_kinds_for`).
- A Shared Lives scheme goes live only once its registration with the regulator (CQC) is
  recorded (`lacks_regulator_registration`). An import has no column for it, so a live import
  publishes a Shared Lives scheme only where its listing already has one recorded."""

from providers.models import ProviderPage, SupportKind
from providers.selectors import lacks_regulator_registration, support_kinds_for

A_PROVIDER = {
    ProviderPage.Kind.MICRO_ENTERPRISE: "a micro-enterprise",
    ProviderPage.Kind.SHARED_LIVES: "a Shared Lives scheme",
}


def fitting_support_kinds() -> dict[str, set[int]]:
    """{kind of provider: ids of the kinds of support it may offer}, read once an import."""
    return {
        kind: set(support_kinds_for(kind=kind).values_list("pk", flat=True))
        for kind in ProviderPage.Kind
    }


def listing_kind(row, data: dict, *, current: ProviderPage | None) -> str | None:
    """The kind the listing will have: the row's, or on an update that leaves the kind out,
    the listing's own. None when the row's kind is not one we know (reported already)."""
    if current is not None and "kind" not in row.values:
        return current.kind
    return data["kind"]


def _quoted(names) -> str:
    return ", ".join(f"“{name}”" for name in names)


def check_support_kinds(
    row,
    data: dict,
    *,
    current: ProviderPage | None,
    written: list[tuple[str, SupportKind]],
    fitting: dict[str, set[int]],
) -> None:
    """The row's kinds of support (`written`: each as the row gives it, with its term) must
    fit the listing's kind. A row that changes the kind of a listing but leaves the
    support_kinds column out must fit the kinds of support the listing already has."""
    kind = listing_kind(row, data, current=current)
    if kind is None:
        return
    fits = fitting[kind]
    if "support_kinds" in row.values:
        misfits = [name for name, term in written if term.pk not in fits]
        if misfits:
            verb = "is not a kind" if len(misfits) == 1 else "are not kinds"
            row.problems.append(
                ("support_kinds", f"{_quoted(misfits)} {verb} of support {A_PROVIDER[kind]} offers")
            )
    elif current is not None:
        misfits = [term.name for term in current.support_kinds.all() if term.pk not in fits]
        if misfits:
            given = (row.values.get("kind") or "").strip() or kind
            row.problems.append(
                (
                    "kind",
                    f"“{given}” does not fit the listing's kinds of support {_quoted(misfits)}: "
                    "give the support_kinds that fit it too",
                )
            )


def check_may_go_live(row, data: dict, *, current: ProviderPage | None) -> None:
    """For a row a live import would publish: a Shared Lives scheme needs its registration
    with the regulator (CQC) recorded on its listing, as before the portal sends it for
    approval."""
    kind = listing_kind(row, data, current=current)
    page_id = current.pk if current is not None else None
    if lacks_regulator_registration(kind=kind, page_id=page_id):
        row.problems.append(
            (
                "kind",
                "is a Shared Lives scheme with no registration with the regulator (CQC) "
                "recorded, so it cannot be published: import it as a draft; it can go live "
                "once its registration is recorded",
            )
        )
