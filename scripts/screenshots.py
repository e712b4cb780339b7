"""Take the README's screenshots of the real widgets, in Chinese and English.

Run under a display (Xvfb): `xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python
scripts/screenshots.py` with QT_QPA_PLATFORM=xcb. Writes docs/screenshots/*.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"


IMPORT_SAMPLE = "\n".join(
    (  # a CSV as a branch would write it: Chinese headings, two bad rows
        "姓名,证件类型,证件号码,手机,年收入,金融资产,投资年限,投资经验,投资目标,投资期限,流动性需求",
        "周晓梅,居民身份证,31010419880307002X,13912340001,300k_500k,800000,4,funds;bonds,"
        "steady_income,1_3y,medium",
        "吴建国,居民身份证,310104195502140019,13912340002,100k_300k,1200000,20,deposits;bonds,"
        "capital_preservation,under_1y,high",
        "郑丽,居民身份证,310104199001011234,13912340003,500k_1m,2000000,6,funds;stocks,"
        "balanced_growth,3_5y,low",
        "冯涛,居民身份证,310104198512120015,1391234,over_1m,5000000,12,stocks,aggressive_growth,"
        "over_5y,low",
        "",
    )
)


def main() -> int:
    home = tempfile.mkdtemp(prefix="crm-desk-shots-")
    os.environ["CRM_DESK_HOME"] = home
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("CRM Desk shots")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, home)

    from crm_desk.backend import open_backend
    from crm_desk.demo import seed_demo
    from crm_desk.domain.aftercare import CHECKLIST_IDS, CallState
    from crm_desk.domain.complaints import DeadlineState
    from crm_desk.domain.sales import ExceptionStatus
    from crm_desk.domain.suitability import Verdict
    from crm_desk.services.container import Services
    from crm_desk.ui.first_run import FirstRunDialog
    from crm_desk.ui.i18n import install_language
    from crm_desk.ui.login import LoginDialog
    from crm_desk.ui.main_window import MainWindow
    from crm_desk.ui.table_model import ROW_ROLE
    from crm_desk.ui.tasks import SyncTaskRunner

    empty = open_backend(f"sqlite:///{home}/empty.sqlite3")
    filled = open_backend(f"sqlite:///{home}/demo.sqlite3")
    credentials = seed_demo(filled.services)
    services: Services = filled.services
    # The status bar names the database; not this run's temporary folder.
    database = filled.description.replace(home, "~/.local/share/CRM Desk")
    OUT.mkdir(parents=True, exist_ok=True)

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shoot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
        widget.show()
        widget.raise_()
        settle()
        widget.grab().save(str(OUT / f"{name}.png"))
        print("wrote", OUT / f"{name}.png")

    def find_row(view, wanted) -> bool:  # type: ignore[no-untyped-def]
        """Select the first row of a table whose row object satisfies ``wanted``."""
        model = view.model()
        for row in range(model.rowCount()):
            item = model.index(row, 0).data(ROW_ROLE)
            if item is not None and wanted(item):
                view.selectRow(row)
                view.scrollTo(model.index(row, 0))
                settle()
                return True
        return False

    def shoot_catalogue(window, suffix: str) -> None:  # type: ignore[no-untyped-def]
        """The administrator's product catalogue and a new product refused field by field."""
        window.show_page("products")
        window.resize(1400, 800)
        products = window.page("products")
        products.select("SN-SNOW-01")
        shoot(window, f"products-{suffix}")
        window.resize(1200, 720)
        dialog = products.new_product()
        dialog.code.setText("WM-CASH-01")  # taken already
        dialog.name_zh.setText("天天利现金管理二号")
        dialog.name_en.setText("Daily cash management No. 2")
        dialog.issuer.setText("示范理财有限责任公司")
        dialog.min_amount.setText("一万元")
        dialog.submit()
        shoot(dialog, f"product-error-{suffix}")
        dialog.close()

    def shoot_sales(window, adviser, suffix: str) -> None:  # type: ignore[no-untyped-def]
        """A client whose shelf has every verdict at 100,000; the reasons of an exception; the
        sale dialog for it with the special risk warning."""
        amount = Decimal("100000")
        window.show_page("clients")
        area = window.clients_area
        model = area.list_page.model
        listed = [model.row_at(r) for r in range(model.rowCount())]
        target = None
        for client in listed:
            if client is None:
                continue
            verdicts = {i.verdict for i in services.sales.shelf(adviser, client.id, amount)}
            if (
                verdicts == set(Verdict)
                and services.sales.client_sales(adviser, client.id)
                and services.sales.client_requests(adviser, client.id)
            ):
                target = client
                break
        assert target is not None, "no demo client with every verdict"
        page = area.open_client(target.id)
        tab = page.products_tab
        page.tabs.setCurrentWidget(tab)
        settle()
        tab.amount.setText("100,000")
        tab.refresh()
        find_row(tab.table, lambda item: item.verdict is Verdict.NEEDS_EXCEPTION)
        shoot(window, f"client-shelf-{suffix}")
        dialog = tab.sell()
        assert dialog is not None
        dialog.warning_given.setChecked(True)
        dialog.client_insists.setChecked(True)
        dialog.insistence.setPlainText(
            "客户亲笔书写：“本人已阅读《特别风险警示书》，知悉该产品风险等级高于本人风险承受能力，"
            "仍坚持购买，风险自担。”"
        )
        dialog.amount.deselect()
        shoot(dialog, f"sale-exception-{suffix}")
        dialog.close()
        page.tabs.setCurrentWidget(page.sales_tab)
        shoot(window, f"client-sales-{suffix}")

    def shoot_approvals(window, suffix: str) -> None:  # type: ignore[no-untyped-def]
        window.show_page("approvals")
        approvals = window.page("approvals")
        approvals.tabs.setCurrentWidget(approvals.exceptions)
        queue = approvals.exceptions
        queue.refresh()
        # the one to decide selected; the overdue one above it shows its red
        find_row(queue.table, lambda r: r.status is ExceptionStatus.PENDING and not r.overdue)
        shoot(window, f"approvals-{suffix}")
        dialog = queue.open_request(queue.table.currentIndex())
        assert dialog is not None
        dialog.comment.setPlainText("已电话核实客户本人意愿，金额占其金融资产比例较低，同意。")
        shoot(dialog, f"approval-decision-{suffix}")
        dialog.close()

    def shoot_aftercare(window, suffix: str) -> None:  # type: ignore[no-untyped-def]
        window.show_page("callbacks")
        calls = window.page("callbacks")
        find_row(calls.table, lambda t: t.state is CallState.OVERDUE and t.may_call)
        shoot(window, f"callbacks-{suffix}")
        dialog = calls.call_selected()
        assert dialog is not None
        dialog.reached.setChecked(True)
        for item in CHECKLIST_IDS[:2]:
            dialog.set_answer(item, True)
        dialog.set_answer(CHECKLIST_IDS[2], False)  # a "no" opens a case for the supervisor
        dialog.notes.setPlainText(
            "客户表示不清楚该债券可能因发行人违约而损失本金，要求客户经理再次说明。"
        )
        shoot(dialog, f"callback-checklist-{suffix}")
        dialog.close()
        window.show_page("reviews")
        reviews = window.page("reviews")
        find_row(reviews.table, lambda r: True)
        shoot(window, f"reviews-{suffix}")

    def shoot_complaints(window, suffix: str) -> None:  # type: ignore[no-untyped-def]
        """The supervisor's list (the red and amber rows left unselected), the complaint with
        the longest history, and the reports over half a year at full screen."""
        window.show_page("complaints")
        complaints = window.page("complaints")
        complaints.tabs.setCurrentWidget(complaints.list)
        table = complaints.list.table
        find_row(table, lambda r: r.deadline_state is DeadlineState.ON_TRACK)
        shoot(window, f"complaints-{suffix}")
        rows = [complaints.list.model.row_at(n) for n in range(complaints.list.model.rowCount())]
        longest = max(rows, key=lambda r: (r.extension_level, r.round, -(r.days_left or 0)))
        find_row(table, lambda r: r.id == longest.id)
        dialog = complaints.list.open_selected()
        assert dialog is not None
        dialog.resize(900, 640)
        shoot(dialog, f"complaint-detail-{suffix}")
        dialog.close()
        reports = complaints.reports
        window.resize(1400, 880)
        complaints.tabs.setCurrentWidget(reports)
        today = reports.last_day.date()
        reports.first_day.setDate(today.addMonths(-6))
        reports.refresh()
        shoot(window, f"complaint-reports-{suffix}")
        bar = reports.findChild(QScrollArea).verticalScrollBar()
        bar.setValue(bar.maximum())
        shoot(window, f"complaint-reports-more-{suffix}")
        window.resize(1360, 800)

    for lang, suffix in (("zh_CN", "zh"), ("en", "en")):
        install_language(lang)
        first = FirstRunDialog(empty.services.auth, 12)
        first.branch_code.setText("SH-001")
        first.branch_name.setText("上海陆家嘴支行")
        first.username.setText("admin")
        first.full_name.setText("周明")
        first.password.setText("short")
        first.confirm.setText("short")
        first.show()
        first.submit()
        shoot(first, f"first-run-{suffix}")
        first.close()

        login = LoginDialog(services.auth, database)
        login.username.setText("chen.jie")
        login.password.setText("wrong password")
        login.submit()
        shoot(login, f"login-{suffix}")
        login.close()

        admin = services.auth.sign_in("admin", credentials["admin"][1])
        window = MainWindow(services, admin, database, SyncTaskRunner())
        window.resize(1200, 720)
        window.show_page("users")
        shoot(window, f"main-users-{suffix}")
        window.show_page("audit")
        audit_page = window.page("audit")
        audit_page.start_verify()  # type: ignore[attr-defined]
        shoot(window, f"main-audit-{suffix}")
        window.show_page("home")
        shoot(window, f"main-home-{suffix}")
        shoot_catalogue(window, suffix)
        window.lock()
        shoot(window, f"locked-{suffix}")
        window.close_for_sign_out()

        adviser = services.auth.sign_in("li.na", credentials["li.na"][1])
        window = MainWindow(services, adviser, database, SyncTaskRunner())
        window.resize(1200, 720)
        window.show_page("clients")
        area = window.clients_area
        assert area is not None
        shoot(window, f"clients-list-{suffix}")
        rows = [area.list_page.model.row_at(r) for r in range(area.list_page.model.rowCount())]
        listed = [row for row in rows if row is not None]
        target = next((c for c in listed if c.vulnerable), listed[0])
        area.list_page.search.setText(target.name[:1])
        area.list_page.refresh()
        settle()
        shoot(window, f"clients-search-{suffix}")
        area.list_page.search.setText("")
        area.list_page.refresh()
        page = area.open_client(target.id)
        assert page is not None
        shoot(window, f"client-profile-{suffix}")
        page.tabs.setCurrentWidget(page.timeline_table.parentWidget())
        shoot(window, f"client-timeline-{suffix}")
        dialog = page.edit()
        dialog.financial_assets.setText("lots")
        dialog.phone.setText("1381234")
        dialog.submit()
        dialog.resize(720, 760)
        shoot(dialog, f"client-form-error-{suffix}")
        dialog.close()
        from crm_desk.ui.interview_dialog import InterviewDialog

        interview = InterviewDialog(services, adviser, target.id, window, client_name=target.name)
        interview.resize(760, 760)
        shoot(interview, f"interview-{suffix}")
        interview.close()
        page.tabs.setCurrentWidget(page.assessments_tab)  # with its history
        shoot(window, f"client-assessments-{suffix}")
        from crm_desk.services.client_dto import ClientQuery
        from crm_desk.ui.assessment_wizard import AssessmentWizard

        unassessed = services.clients.client_page(adviser, ClientQuery(assessment="none"))
        if unassessed:
            wizard = AssessmentWizard(services, adviser, unassessed[0].id, window)
            wizard.resize(820, 620)
            wizard.go_to(2)
            shoot(wizard, f"assessment-question-{suffix}")
            draft = services.assessments.open_draft(adviser, unassessed[0].id)
            assert draft is not None
            answers = {
                q.id: (q.options[min(1, len(q.options) - 1)].id,)
                for q in draft.questionnaire.questions
            }
            answers["experience_years"] = ("none",)
            answers["experience_products"] = ("stocks",)
            answers["special_circumstances"] = ("none",)
            services.assessments.save_answers(adviser, draft.id, draft.version, answers)
            wizard.close()
            wizard = AssessmentWizard(services, adviser, unassessed[0].id, window)
            wizard.resize(820, 620)
            wizard.go_to(wizard.result_index)
            shoot(wizard, f"assessment-result-{suffix}")
            wizard.close()
        window.show_page("follow_ups")
        shoot(window, f"follow-ups-{suffix}")
        from crm_desk.ui.client_import_dialog import ClientImportDialog

        sample = Path(home) / f"import-{suffix}.csv"
        sample.write_text(IMPORT_SAMPLE, encoding="utf-8-sig")
        importer = ClientImportDialog(services, adviser, SyncTaskRunner(), window)
        importer.resize(1100, 620)
        importer.load(sample)
        shoot(importer, f"import-{suffix}")
        importer.close()
        window.close_for_sign_out()

        seller = services.auth.sign_in("chen.jie", credentials["chen.jie"][1])
        window = MainWindow(services, seller, database, SyncTaskRunner())
        window.resize(1360, 800)
        shoot_sales(window, seller, suffix)
        window.show_page("my_requests")
        shoot(window, f"my-requests-{suffix}")
        window.close_for_sign_out()

        supervisor = services.auth.sign_in("wang.fang", credentials["wang.fang"][1])
        window = MainWindow(services, supervisor, database, SyncTaskRunner())
        window.resize(1360, 800)
        shoot_approvals(window, suffix)
        shoot_aftercare(window, suffix)
        shoot_complaints(window, suffix)
        window.close_for_sign_out()
    return 0


if __name__ == "__main__":
    sys.exit(main())
