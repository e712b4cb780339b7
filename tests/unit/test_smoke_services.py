from crm_desk.domain.roles import Role


def test_first_run_then_sign_in(services, admin, make_user):
    adviser = make_user(Role.ADVISER)
    assert adviser.role is Role.ADVISER
    report, head = services.audit.verify(admin)
    assert report.intact and report.events_checked > 3
