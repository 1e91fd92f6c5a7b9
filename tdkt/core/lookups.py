"""`field__any=[...]`: membership in a long list of values sent as ONE parameter.

`field__in=ids` sends one placeholder per value; with thousands of ids, building and parsing that SQL costs
more than running it. On PostgreSQL `__any` sends the list as one array (`field = ANY(%s)`); elsewhere it is
an ordinary IN list (SQLite has no arrays; its limit on parameters is far above our chunks)."""

from django.db.models import Field, ForeignObject, Lookup


class AnyOf(Lookup):
    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = list(self.rhs)
        if not values:
            return "1 = 0", list(lhs_params)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


Field.register_lookup(AnyOf)
ForeignObject.register_lookup(AnyOf)  # person_id__any: relations keep their own lookup table
