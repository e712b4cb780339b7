"""The product catalogue.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:

    op.create_table(
        "products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("product_type", sa.String(length=30), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("risk_level", sa.String(length=2), nullable=False),
        sa.Column("is_complex", sa.Boolean(), nullable=False),
        sa.Column("horizon_months", sa.Integer(), nullable=False),
        sa.Column("redemption", sa.String(length=20), nullable=False),
        sa.Column("redemption_terms", sa.Text(), nullable=False),
        sa.Column("min_amount", sa.Numeric(precision=18, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("cooling_off_hours", sa.Integer(), nullable=False),
        sa.Column("risk_factors_zh", sa.Text(), nullable=False),
        sa.Column("risk_factors_en", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "risk_level IN ('R1', 'R2', 'R3', 'R4', 'R5')",
            name=op.f("ck_products_risk_level_known"),
        ),
        sa.CheckConstraint(
            "status IN ('on_sale', 'suspended', 'closed')", name=op.f("ck_products_status_known")
        ),
        sa.CheckConstraint(
            "cooling_off_hours >= 0", name=op.f("ck_products_cooling_off_not_negative")
        ),
        sa.CheckConstraint("min_amount >= 0", name=op.f("ck_products_min_amount_not_negative")),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name=op.f("fk_products_created_by_users")
        ),
        sa.ForeignKeyConstraint(
            ["updated_by"], ["users.id"], name=op.f("fk_products_updated_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.UniqueConstraint("code", name=op.f("uq_products_code")),
    )
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.create_index("ix_products_status_code", ["status", "code"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_index("ix_products_status_code")

    op.drop_table("products")
