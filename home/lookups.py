"""`field__in_array=values`: the `in` lookup, sent to PostgreSQL as one array parameter.

`pk__in=[...200 ids]` is `id IN (%s, %s, ...)` with 200 parameters, and psycopg only
caches its parsing of queries with at most 50 (psycopg._queries.MAX_CACHED_STATEMENT_PARAMS):
such a query is parsed afresh on every request, about 1.5 ms each (a page of 200 API
services made four of them; a directory search sends up to ~200 grid squares).
`id = ANY(%s)` with the list as one array is the same condition to PostgreSQL (it plans
`IN (...)` as `= ANY(...)`) and the same query text every time. Other databases, and
subqueries, get the plain `IN`."""

from django.db.models import Field
from django.db.models.expressions import ColPairs
from django.db.models.fields.related import ForeignObject
from django.db.models.fields.related_lookups import RelatedIn
from django.db.models.lookups import In


class _OneArray:
    lookup_name = "in_array"

    def as_postgresql(self, compiler, connection):
        if not self.rhs_is_direct_value() or isinstance(self.lhs, ColPairs):
            return self.as_sql(compiler, connection)
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # In.process_rhs drops None and raises EmptyResultSet for an empty list.
        _placeholders, params = In.process_rhs(self, compiler, connection)
        return f"{lhs} = ANY(%s)", (*lhs_params, list(params))


@Field.register_lookup
class InArray(_OneArray, In):
    pass


@ForeignObject.register_lookup  # foreign keys and one-to-one keys (a page's pk)
class RelatedInArray(_OneArray, RelatedIn):
    pass
