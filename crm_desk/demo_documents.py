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
                for document in services.documents.sale_documents(adviser, sale.id):
                    home = adviser.branch_id == supervisor.branch_id
                    if document.kind == "disclosure" and home and lost is None:
                        lost = document.id
            history = services.assessments.history(adviser, client_id)
            if history:
                services.documents.assessment_document(adviser, history[0].id)
    if lost is not None:
        # The client lost the paper: the supervisor hands over a copy, marked as one.
        services.documents.reprint(supervisor, lost)
