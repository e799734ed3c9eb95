"""Councils and districts as ordinary tables; postcodes and outward codes with
hand-written DDL so that SQLite stores them WITHOUT ROWID (a clustered primary key:
half the size and faster look-ups) and no index slows the bulk load."""

import django.db.models.deletion
from django.db import migrations, models

POSTCODE_COLUMNS = (
    "{key} varchar({size}) NOT NULL PRIMARY KEY, "
    "easting integer NOT NULL, northing integer NOT NULL, district_code varchar(9) NOT NULL"
)
TABLES = {
    "Postcode": ("geography_postcode", "postcode", 8),
    "OutwardCode": ("geography_outwardcode", "outward", 4),
}


def create_tables(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    for model_name, (table, key, size) in TABLES.items():
        columns = POSTCODE_COLUMNS.format(key=key, size=size)
        if vendor == "sqlite":
            schema_editor.execute(f"CREATE TABLE {table} ({columns}) WITHOUT ROWID")
        elif vendor == "postgresql":
            schema_editor.execute(f"CREATE TABLE {table} ({columns})")
        else:
            schema_editor.create_model(apps.get_model("geography", model_name))


def drop_tables(apps, schema_editor):
    for model_name in TABLES:
        schema_editor.delete_model(apps.get_model("geography", model_name))


def district_fk():
    return models.ForeignKey(
        db_column="district_code",
        db_constraint=False,
        db_index=False,
        on_delete=django.db.models.deletion.DO_NOTHING,
        related_name="+",
        to="geography.district",
        verbose_name="district",
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Council",
            fields=[
                (
                    "gss_code",
                    models.CharField(
                        max_length=9, primary_key=True, serialize=False, verbose_name="GSS code"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "region_code",
                    models.CharField(db_index=True, max_length=9, verbose_name="region GSS code"),
                ),
                ("region_name", models.CharField(max_length=100, verbose_name="region")),
                ("nation", models.CharField(max_length=20, verbose_name="nation")),
            ],
            options={
                "verbose_name": "council",
                "verbose_name_plural": "councils",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="District",
            fields=[
                (
                    "gss_code",
                    models.CharField(
                        max_length=9, primary_key=True, serialize=False, verbose_name="GSS code"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "council",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="districts",
                        to="geography.council",
                        verbose_name="council",
                    ),
                ),
            ],
            options={
                "verbose_name": "district",
                "verbose_name_plural": "districts",
                "ordering": ["name"],
            },
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutwardCode",
                    fields=[
                        (
                            "outward",
                            models.CharField(
                                max_length=4,
                                primary_key=True,
                                serialize=False,
                                verbose_name="outward code",
                            ),
                        ),
                        ("easting", models.IntegerField(verbose_name="easting")),
                        ("northing", models.IntegerField(verbose_name="northing")),
                        ("district", district_fk()),
                    ],
                    options={
                        "verbose_name": "outward code",
                        "verbose_name_plural": "outward codes",
                    },
                ),
                migrations.CreateModel(
                    name="Postcode",
                    fields=[
                        (
                            "postcode",
                            models.CharField(
                                max_length=8,
                                primary_key=True,
                                serialize=False,
                                verbose_name="postcode",
                            ),
                        ),
                        ("easting", models.IntegerField(verbose_name="easting")),
                        ("northing", models.IntegerField(verbose_name="northing")),
                        ("district", district_fk()),
                    ],
                    options={"verbose_name": "postcode", "verbose_name_plural": "postcodes"},
                ),
            ],
            database_operations=[migrations.RunPython(create_tables, drop_tables)],
        ),
    ]
