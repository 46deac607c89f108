using Endorse.Formatting;
using Endorse.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace Endorse.Tests.Reminders;

public class ReminderRulesTests
{
    private const string Berlin = "Europe/Berlin";

    private static OpenStep Step(StepKind kind, DateTimeOffset since, DateOnly? neededBy = null) =>
        new(kind, 1, 2, since, "title", _ => "text", "/requests/1") { NeededBy = neededBy };

    [Fact]
    public void An_owners_approval_is_overdue_after_two_working_days_in_the_owners_zone()
    {
        // Asked on Friday 4 Dec 2026 at 10:00 Berlin time: Saturday and Sunday do not count; due after Tuesday 10:00.
        var friday = new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(friday);
        var step = Step(StepKind.OwnerApproval, friday);

        clock.Advance(TimeSpan.FromDays(3)); // Monday 10:00
        Assert.False(ReminderRules.IsDue(step, clock.GetUtcNow(), Berlin));
        clock.Advance(TimeSpan.FromDays(1)); // Tuesday 10:00: exactly two working days
        Assert.False(ReminderRules.IsDue(step, clock.GetUtcNow(), Berlin));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(ReminderRules.IsDue(step, clock.GetUtcNow(), Berlin));
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 9, 0, 0, TimeSpan.Zero), ReminderRules.AddWorkingDays(friday, 2, Berlin));
    }

    [Fact]
    public void A_step_that_starts_on_a_weekend_counts_from_monday()
    {
        var saturday = new DateTimeOffset(2026, 12, 5, 15, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 23, 0, 0, TimeSpan.Zero), ReminderRules.AddWorkingDays(saturday, 2, Berlin)); // Wednesday 00:00 Berlin
    }

    [Fact]
    public void An_advocate_is_reminded_after_three_days_and_feedback_a_day_after_the_activity()
    {
        var asked = new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.False(ReminderRules.IsDue(Step(StepKind.AdvocateAnswer, asked), asked.AddDays(3).AddMinutes(-1), null));
        Assert.True(ReminderRules.IsDue(Step(StepKind.AdvocateAnswer, asked), asked.AddDays(3), null));

        var ended = new DateTimeOffset(2026, 12, 2, 15, 30, 0, TimeSpan.Zero);
        Assert.False(ReminderRules.IsDue(Step(StepKind.Feedback, ended), ended.AddHours(23), null));
        Assert.True(ReminderRules.IsDue(Step(StepKind.Feedback, ended), ended.AddHours(24), null));
    }

    [Fact]
    public void A_request_is_needed_soon_within_three_days_of_its_date_in_the_recipients_zone()
    {
        var now = new DateTimeOffset(2026, 12, 3, 23, 30, 0, TimeSpan.Zero); // already 4 Dec in Tokyo
        var step = Step(StepKind.NeededBySoon, now, new DateOnly(2026, 12, 3));
        Assert.True(ReminderRules.IsDue(step, now, "UTC"));
        Assert.False(ReminderRules.IsDue(step, now, "Asia/Tokyo"));
        Assert.True(ReminderRules.IsDue(Step(StepKind.NeededBySoon, now, new DateOnly(2026, 12, 6)), now, "UTC"));
        Assert.False(ReminderRules.IsDue(Step(StepKind.NeededBySoon, now, new DateOnly(2026, 12, 7)), now, "UTC"));
    }

    [Fact]
    public void A_person_hears_at_most_once_a_day_after_the_morning_hour_in_their_zone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 6, 30, 0, TimeSpan.Zero)); // 07:30 in Berlin
        Assert.Null(ReminderRules.DayToSend(clock.GetUtcNow(), Berlin, lastSentDay: null));

        clock.Advance(TimeSpan.FromHours(1)); // 08:30 in Berlin
        var day = ReminderRules.DayToSend(clock.GetUtcNow(), Berlin, lastSentDay: null);
        Assert.Equal(new DateOnly(2026, 12, 3), day);

        clock.Advance(TimeSpan.FromHours(10)); // later the same day: nothing more
        Assert.Null(ReminderRules.DayToSend(clock.GetUtcNow(), Berlin, day));

        clock.Advance(TimeSpan.FromHours(14)); // 08:30 the next day
        Assert.Equal(new DateOnly(2026, 12, 4), ReminderRules.DayToSend(clock.GetUtcNow(), Berlin, day));

        // Still 3 Dec at 23:00 in Los Angeles, whose day was already told.
        Assert.Null(ReminderRules.DayToSend(new DateTimeOffset(2026, 12, 4, 7, 0, 0, TimeSpan.Zero), "America/Los_Angeles", new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void A_digest_lists_each_entry_with_its_absolute_link()
    {
        var entries = new List<DigestEntry>
        {
            new("New request: reference call with Globex", "Sam asks for a reference call.", "/requests/4"),
            new("Reminder: how did the site visit go?", null, "/requests/9"),
        };
        var text = DigestMail.Text("Rita", digest: true, entries, link => link is null ? null : "https://endorse.example" + link);
        Assert.Equal("Your Endorse digest: 2 updates", DigestMail.Subject(true, 2));
        Assert.Equal("Reminder: 1 thing waits for you", DigestMail.Subject(false, 1));
        Assert.Contains("• New request: reference call with Globex\n  Sam asks for a reference call.\n  https://endorse.example/requests/4", text, StringComparison.Ordinal);
        Assert.Contains("• Reminder: how did the site visit go?\n  https://endorse.example/requests/9", text, StringComparison.Ordinal);
        _ = PersonalFormat.Default;
    }
}
