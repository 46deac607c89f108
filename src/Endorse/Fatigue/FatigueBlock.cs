using System.Globalization;
using Endorse.Accounts;
using Endorse.Advocates;

namespace Endorse.Fatigue;

/// <summary>
/// One reason an advocate cannot be booked on <see cref="RequestedOn"/>, with the numbers and dates that explain
/// it. <see cref="Message"/> is built on demand.
/// </summary>
public sealed record FatigueBlock(BlockReasons Reason, DateOnly RequestedOn)
{
    /// <summary>The activity type a cap counts (null: every type); the requested type for a permission block.</summary>
    public ActivityType? ActivityType { get; init; }

    /// <summary>Activities already counted by the cap, or the number of open escalations.</summary>
    public int Count { get; init; }

    /// <summary>The cap's limit, the satisfaction threshold.</summary>
    public int Limit { get; init; }

    /// <summary>The cap's window, the cool-down or the renewal quiet period, in days.</summary>
    public int Days { get; init; }

    /// <summary>Start of the binding window or blackout; the activity that causes a cool-down; the renewal date.</summary>
    public DateOnly? From { get; init; }

    /// <summary>End of the binding window or blackout; the last day of rest.</summary>
    public DateOnly? To { get; init; }

    /// <summary>The first day this rule alone no longer blocks; null when it does not end by itself.</summary>
    public DateOnly? FreeOn { get; init; }

    public int? Score { get; init; }
    public SatisfactionKind SatisfactionKind { get; init; }
    public DisclosurePermission Permission { get; init; }

    /// <summary>The readiness gate behind a gate reason (escalation, satisfaction, renewal, no publicity, big bid, …): its sentence is the message.</summary>
    public Readiness.Gate? Gate { get; init; }

    /// <summary>True when the block ends by itself on a known date.</summary>
    public bool IsTimeBound => FreeOn is not null;

    public string Message => FatigueText.Describe(this);
}

/// <summary>The sentences a reference manager reads for each <see cref="BlockReasons"/>.</summary>
public static class FatigueText
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The sentence with ISO dates (the API's); pass a person's format for theirs.</summary>
    public static string Describe(FatigueBlock block) => Describe(block, null);

    public static string Describe(FatigueBlock block, Formatting.PersonalFormat? format)
    {
        ArgumentNullException.ThrowIfNull(block);
        Func<DateOnly, string> Date = format is null ? FatigueText.Date : format.Date;
        if (GateBlocks.KindOf(block.Reason) is not null)
        {
            // One rule set: a gate reads the same in matching as on the account page and in discovery.
            return (block.Gate ?? GateBlocks.FromLegacy(block)).Sentence;
        }

        var free = block.FreeOn is { } f ? $"; next free on {Date(f)}" : string.Empty;
        return block.Reason switch
        {
            BlockReasons.DoNotContact => "Marked do-not-contact.",
            BlockReasons.Retired => "Retired from the program.",
            BlockReasons.NotYetActive => "Still a candidate: not yet an active advocate.",
            BlockReasons.Resting => block.To is { } until
                ? $"Resting until {Date(until)}{free}."
                : "Resting until further notice.",
            BlockReasons.AdvocateCapReached =>
                $"Reached {block.Count} of {ActivityTypes.Count(block.Limit, block.ActivityType)} {Window(block)}{free}.",
            BlockReasons.AccountCapReached =>
                $"The account reached {block.Count} of {ActivityTypes.Count(block.Limit, block.ActivityType)} {Window(block)}{free}.",
            BlockReasons.PreferenceCapReached =>
                $"Asked for at most {ActivityTypes.Count(block.Limit, null)} per quarter; {block.Count} already in {Quarter(block.From!.Value)}{free}.",
            BlockReasons.CoolDown => block.From is { } activity && activity > block.RequestedOn
                ? $"Within the {block.Days}-day cool-down before the activity booked on {Date(activity)}{free}."
                : $"In the {block.Days}-day cool-down after the activity on {Date(block.From!.Value)}{free}.",
            BlockReasons.Blackout => $"In a blackout from {Date(block.From!.Value)} to {Date(block.To!.Value)}{free}.",
            BlockReasons.PermissionForbidsActivity =>
                $"The account's disclosure permission ({DisclosureRules.Describe(block.Permission)}) does not allow a {ActivityTypes.Singular(block.ActivityType ?? default)}.",
            BlockReasons.DoesNotDoActivity => block.ActivityType is { } type
                ? $"Does not do {ActivityTypes.Plural(type)}."
                : "Does not do this activity type.",
            _ => Formatting.Words.Label(block.Reason),
        };

        string Window(FatigueBlock b) => b.To == b.RequestedOn
            ? $"in the last {b.Days} days"
            : $"in the {b.Days} days from {Date(b.From!.Value)} to {Date(b.To!.Value)}";
    }

    /// <summary>"Q4 2026".</summary>
    public static string Quarter(DateOnly date) => $"Q{((date.Month - 1) / 3) + 1} {date.Year}";
}
