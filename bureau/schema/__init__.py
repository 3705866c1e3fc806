"""Every source table, in load order. A topic adds its tables here."""

from bureau.schema import ai_training, budget, district, housing, issues, markets, org, relief, report_units
from bureau.schema.base import Table

TABLES: tuple[Table, ...] = (
    *org.TABLES,
    *budget.TABLES,
    *district.TABLES,
    *issues.TABLES,
    *relief.TABLES,
    *markets.TABLES,
    *ai_training.TABLES,
    *housing.TABLES,
    *report_units.TABLES,
)

TABLES_BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
