using Endorse.Onboarding;
using Endorse.Settings;

namespace Endorse.Tests.Onboarding;

/// <summary>The check-in plan's due days, states and once-only notices, on a fake calendar.</summary>
public class CheckInScheduleTests
{
    private static readonly DateOnly KickOff = new(2026, 9, 1);
    private static readonly SourcingSettings Settings = SourcingSettings.Default with { IntroductionDays = 10, MidImplementationDays = 45, GoLiveDays = 90, CheckInNoticeDays = 3 };

    [Fact]
    public void A_plan_has_three_check_ins_due_at_the_configured_offsets_from_the_kick_off()
    {
        var plan = CheckInSchedule.Plan(KickOff, Settings);

        Assert.Equal(
            [(CheckInKind.Introduction, new DateOnly(2026, 9, 11)), (CheckInKind.MidImplementation, new DateOnly(2026, 10, 16)), (CheckInKind.GoLive, new DateOnly(2026, 11, 30))],
            plan);
    }

    [Theory]
    [InlineData("2026-11-26", CheckInState.Upcoming)]
    [InlineData("2026-11-27", CheckInState.Due)]
    [InlineData("2026-11-30", CheckInState.Due)]
    [InlineData("2026-12-01", CheckInState.Overdue)]
    public void A_check_in_is_upcoming_then_due_then_overdue(string today, CheckInState state)
    {
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(state, CheckInSchedule.State(new DateOnly(2026, 11, 30), null, day, Settings.CheckInNoticeDays));
        Assert.Equal(CheckInState.Done, CheckInSchedule.State(new DateOnly(2026, 11, 30), day, day, Settings.CheckInNoticeDays));
    }

    [Fact]
    public void Each_notice_goes_out_once_whatever_the_day_the_job_runs()
    {
        var due = new DateOnly(2026, 11, 30);
        DateOnly? dueNotice = null;
        DateOnly? overdueNotice = null;
        var sent = new List<(DateOnly Day, string Kind)>();
        for (var day = new DateOnly(2026, 11, 20); day <= new DateOnly(2026, 12, 10); day = day.AddDays(1))
        {
            // The job may run twice a day (a restart): the marks keep it from sending again.
            for (var run = 0; run < 2; run++)
            {
                if (CheckInSchedule.OverdueNotice(due, null, overdueNotice, day))
                {
                    overdueNotice = day;
                    dueNotice ??= day;
                    sent.Add((day, "overdue"));
                }
                else if (CheckInSchedule.DueNotice(due, null, dueNotice, day, Settings.CheckInNoticeDays))
                {
                    dueNotice = day;
                    sent.Add((day, "due"));
                }
            }
        }

        Assert.Equal([(new DateOnly(2026, 11, 27), "due"), (new DateOnly(2026, 12, 1), "overdue")], sent);
    }

    [Fact]
    public void A_check_in_done_is_never_announced()
    {
        Assert.False(CheckInSchedule.DueNotice(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 28), null, new DateOnly(2026, 11, 29), 3));
        Assert.False(CheckInSchedule.OverdueNotice(new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 28), null, new DateOnly(2026, 12, 5)));
    }

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2026-10-24", true)]
    [InlineData("2026-10-23", false)]
    [InlineData("2026-11-24", false)]
    public void Only_recent_customers_get_a_plan(string since, bool planned)
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.Equal(planned, CheckInSchedule.IsNewCustomer(DateOnly.Parse(since, System.Globalization.CultureInfo.InvariantCulture), today, SourcingSettings.Default));
        Assert.False(CheckInSchedule.IsNewCustomer(null, today, SourcingSettings.Default));
    }

    [Fact]
    public void The_follow_up_after_an_unhappy_go_live_is_due_on_the_gate_s_last_day()
    {
        Assert.Equal(new DateOnly(2027, 5, 29), CheckInSchedule.FollowUpDue(new DateOnly(2026, 12, 1), SourcingSettings.Default));
    }

    [Fact]
    public void Offsets_must_keep_the_check_ins_in_order()
    {
        var errors = (SourcingSettings.Default with { MidImplementationDays = 200 }).Validate();

        Assert.Contains("in order", errors.ToDictionary()["GoLiveDays"][0], StringComparison.Ordinal);
        Assert.True(SourcingSettings.Default.Validate().IsValid);
    }
}
