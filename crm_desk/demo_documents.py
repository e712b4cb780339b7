"""Demo documents: every demo sale's disclosure (made by the sale itself; any missing is made
here), the special risk warnings of the exception requests (made at submission), each selling
client's risk assessment result, and one reprinted copy so the archive shows what a copy is."""

from __future__ import annotations

from crm_desk.services.actor import Actor
from crm_desk.services.container import Services


def seed_documents(services: Services, advisers: dict[str, Actor], supervisor: Actor) -> None:
    lost: int | None = None  # a disclosure of the supervisor's branch, reprinted below
    for adviser in advisers.values():
        clients = sorted({d.client_id for d in services.documents.list_documents(adviser)})
        for client_id in clients:
            for sale in services.sales.client_sales(adviser, client_id):
                disclosure = services.documents.sale_disclosure(adviser, sale.id)
                if adviser.branch_id == supervisor.branch_id and lost is None:
                    lost = disclosure.id
            history = services.assessments.history(adviser, client_id)
            if history:
                services.documents.assessment_document(adviser, history[0].id)
    if lost is not None:
        # The client lost the paper: the supervisor hands over a copy, marked as one.
        services.documents.reprint(supervisor, lost)
