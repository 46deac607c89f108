using Endorse.Formatting;

namespace Endorse.Reminders;

/// <summary>The next step someone owes on a request, which a reminder may be about.</summary>
public enum StepKind
{
    /// <summary>An account owner has not approved or blocked an approach to their customer.</summary>
    OwnerApproval = 0,

    /// <summary>An advocate has not answered an ask.</summary>
    AdvocateAnswer = 1,

    /// <summary>The requester has not said how a booked activity went.</summary>
    Feedback = 2,

    /// <summary>A request is close to its needed-by date with nobody booked: the reference managers' move.</summary>
    NeededBySoon = 3,
}

/// <summary>
/// One open step: what it is, since when it waits (for feedback: when the activity ended), its words (written in the
/// recipient's format) and link, and for a request due soon, its needed-by date.
/// </summary>
public sealed record OpenStep(StepKind Kind, int RequestId, int? ParticipantId, DateTimeOffset Since, string Title, Func<PersonalFormat, string> Text, string Link)
{
    public DateOnly? NeededBy { get; init; }
}

/// <summary>
/// When a reminder is due, as plain rules on a given clock: an owner's approval waiting over 2 working days (Monday to
/// Friday in the owner's zone), an advocate who has not answered in 3 days, feedback not given a day after the activity
/// ended, a request within 3 days of its needed-by date with nobody booked. A person hears at most once a day, at the
/// first run after <see cref="LocalHour"/> in their own zone.
/// </summary>
public static class ReminderRules
{
    public const int ApprovalWorkingDays = 2;
    public static readonly TimeSpan AdvocateSilence = TimeSpan.FromDays(3);
    public static readonly TimeSpan FeedbackGrace = TimeSpan.FromDays(1);
    public const int NeededBySoonDays = 3;

    /// <summary>The local hour from which the day's reminders and digest go out.</summary>
    public const int LocalHour = 8;

    /// <summary>The instant <paramref name="workingDays"/> working days (Monday–Friday in the zone) after <paramref name="start"/>.</summary>
    public static DateTimeOffset AddWorkingDays(DateTimeOffset start, int workingDays, string? zone)
    {
        var local = TimeZones.ToLocal(start, zone);

        // A step that starts on a weekend starts counting on Monday morning.
        while (IsWeekend(local))
        {
            local = local.Date.AddDays(1);
        }

        for (var added = 0; added < workingDays;)
        {
            local = local.AddDays(1);
            if (!IsWeekend(local))
            {
                added++;
            }
        }

        return TimeZones.FromLocal(local, zone);
    }

    /// <summary>Whether a reminder about the step is due at <paramref name="now"/>, the recipient being in <paramref name="zone"/>.</summary>
    public static bool IsDue(OpenStep step, DateTimeOffset now, string? zone)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Kind switch
        {
            StepKind.OwnerApproval => now > AddWorkingDays(step.Since, ApprovalWorkingDays, zone),
            StepKind.AdvocateAnswer => now >= step.Since + AdvocateSilence,
            StepKind.Feedback => now >= step.Since + FeedbackGrace,
            StepKind.NeededBySoon => step.NeededBy is { } neededBy && IsNeededSoon(neededBy, PersonalFormat.Of(zone).Today(now)),
            _ => false,
        };
    }

    /// <summary>Needed within the next <see cref="NeededBySoonDays"/> days, today included.</summary>
    public static bool IsNeededSoon(DateOnly neededBy, DateOnly today) => neededBy >= today && neededBy <= today.AddDays(NeededBySoonDays);

    /// <summary>
    /// The recipient's day whose reminders may go out now: today in their zone, once it is past <paramref name="localHour"/>
    /// there and nothing was sent to them today; null otherwise (at most once a day per person).
    /// </summary>
    public static DateOnly? DayToSend(DateTimeOffset now, string? zone, DateOnly? lastSentDay, int localHour = LocalHour)
    {
        var local = TimeZones.ToLocal(now, zone);
        var today = DateOnly.FromDateTime(local);
        if (local.Hour < localHour || lastSentDay >= today)
        {
            return null;
        }

        return today;
    }

    private static bool IsWeekend(DateTime local) => local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}

/// <summary>One entry of a digest or a reminder mail: a title, its text and a link.</summary>
public sealed record DigestEntry(string Title, string? Body, string? Link);

/// <summary>The mail that gathers a person's entries of the day.</summary>
public static class DigestMail
{
    /// <summary>"Your Endorse digest: 3 updates" or "Reminder: 2 things wait for you".</summary>
    public static string Subject(bool digest, int count) => digest
        ? $"Your Endorse digest: {count} {(count == 1 ? "update" : "updates")}"
        : count == 1 ? "Reminder: 1 thing waits for you" : $"Reminder: {count} things wait for you";

    /// <summary>The plain text: a greeting, then each entry with its text and absolute link.</summary>
    public static string Text(string? name, bool digest, IReadOnlyList<DigestEntry> entries, Func<string?, string?> absolute)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(absolute);
        var lines = new List<string>
        {
            $"Hello {name},",
            string.Empty,
            digest ? "Here is what happened in Endorse since your last digest:" : "These wait for you in Endorse:",
        };
        foreach (var entry in entries)
        {
            lines.Add(string.Empty);
            lines.Add("• " + entry.Title);
            if (!string.IsNullOrWhiteSpace(entry.Body))
            {
                lines.Add("  " + entry.Body);
            }

            if (absolute(entry.Link) is { } link)
            {
                lines.Add("  " + link);
            }
        }

        lines.Add(string.Empty);
        lines.Add("You can choose between a mail as things happen and one daily digest on your profile in Endorse.");
        return string.Join("\n", lines);
    }
}
