using Endorse.Fatigue;
using Endorse.Listing;

namespace Endorse.Advocates;

/// <summary>Field rules for an advocate's profile, preferences and status changes.</summary>
public sealed class AdvocateValidator
{
    public const int MaxProducts = 100;
    public const int MaxBlackouts = 100;
    public const int MaxBulk = 500;

    /// <param name="unknownProductIds">Product ids in the input that do not exist.</param>
    public ValidationErrors Validate(AdvocateInput input, IReadOnlyCollection<int>? unknownProductIds = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var types = input.ActivityTypes ?? [];
        for (var i = 0; i < types.Count; i++)
        {
            errors.Defined($"activityTypes[{i}]", types[i], "Activity type");
        }

        var products = input.ProductIds ?? [];
        if (products.Count > MaxProducts)
        {
            errors.Add("productIds", $"At most {MaxProducts} products.");
        }
        else if (unknownProductIds is { Count: > 0 })
        {
            errors.Add("productIds", $"Unknown product: {string.Join(", ", unknownProductIds)}.");
        }

        errors.MaxLength("languages", input.Languages, "Languages", 200);
        if (Formatting.Languages.Parse(input.Languages) is { IsValid: false } languages)
        {
            errors.Add("languages", Formatting.LanguageText.Unknown(languages.Unknown));
        }
        errors.MaxLength("topics", input.Topics, "Topics", 2000);
        errors.MaxLength("notes", input.Notes, "Notes", 4000);
        errors.Range("maxActivitiesPerQuarter", input.MaxActivitiesPerQuarter, 0, 1000, "Activities per quarter");
        errors.Defined("preferredChannel", input.PreferredChannel, "Preferred channel");

        var blackouts = input.Blackouts ?? [];
        if (blackouts.Count > MaxBlackouts)
        {
            errors.Add("blackouts", $"At most {MaxBlackouts} blackouts.");
        }

        for (var i = 0; i < blackouts.Count && i < MaxBlackouts; i++)
        {
            var blackout = blackouts[i];
            if (blackout is null)
            {
                errors.Add($"blackouts[{i}]", "A blackout needs a start and an end date.");
                continue;
            }

            if (blackout.From == default || blackout.To == default)
            {
                errors.Add($"blackouts[{i}]", "A blackout needs a start and an end date.");
            }
            else if (blackout.From > blackout.To)
            {
                errors.Add($"blackouts[{i}]", "A blackout must end on or after the day it starts.");
            }

            errors.MaxLength($"blackouts[{i}].reason", blackout.Reason, "Reason", 200);
        }

        if (blackouts.Count <= MaxBlackouts)
        {
            foreach (var (index, other) in Overlaps(blackouts))
            {
                errors.Add($"blackouts[{index}]", $"This blackout overlaps the one from {FatigueText.Date(blackouts[other].From)} to {FatigueText.Date(blackouts[other].To)}: change that one or merge them.");
            }
        }

        return errors;
    }

    /// <summary>
    /// Why the range <paramref name="from"/>–<paramref name="to"/> cannot be added to <paramref name="existing"/> on
    /// <paramref name="today"/>, or null when it can: both dates given, the end on or after the start, not over yet,
    /// and no day shared with a blackout already there.
    /// </summary>
    public static string? CheckNewBlackout(IReadOnlyList<BlackoutInput> existing, DateOnly? from, DateOnly? to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(existing);
        if (from is not { } start || to is not { } end)
        {
            return "Choose the first and the last day of the blackout.";
        }

        if (end < start)
        {
            return $"The last day ({FatigueText.Date(end)}) is before the first ({FatigueText.Date(start)}).";
        }

        if (end < today)
        {
            return $"This blackout is already over: it ends before today ({FatigueText.Date(today)}).";
        }

        var overlapped = existing.FirstOrDefault(b => b.From <= end && start <= b.To);
        return overlapped is null
            ? null
            : $"It overlaps the blackout from {FatigueText.Date(overlapped.From)} to {FatigueText.Date(overlapped.To)}: remove that one first or choose other days.";
    }

    /// <summary>
    /// Each well-formed blackout that shares a day with an earlier-starting one, with the index of that one. Two ranges
    /// on the same days would make the advocate page and the matching explanations name the same days twice.
    /// </summary>
    public static IEnumerable<(int Index, int Overlapped)> Overlaps(IReadOnlyList<BlackoutInput?> blackouts)
    {
        ArgumentNullException.ThrowIfNull(blackouts);
        var ordered = Enumerable.Range(0, blackouts.Count)
            .Where(i => blackouts[i] is { } b && b.From != default && b.To != default && b.From <= b.To)
            .OrderBy(i => blackouts[i]!.From).ThenBy(i => i)
            .ToList();
        var reaching = -1;
        foreach (var i in ordered)
        {
            if (reaching >= 0 && blackouts[i]!.From <= blackouts[reaching]!.To)
            {
                yield return (i, reaching);
            }

            if (reaching < 0 || blackouts[i]!.To > blackouts[reaching]!.To)
            {
                reaching = i;
            }
        }
    }

    /// <summary>Rules for a status change made on <paramref name="today"/>.</summary>
    public ValidationErrors ValidateStatus(StatusChangeInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        errors.Defined("status", input.Status, "Status");
        errors.MaxLength("reason", input.Reason, "Reason", 1000);
        if (input.Status == AdvocateStatus.Resting)
        {
            if (input.RestingUntil is null && !input.UntilFurtherNotice)
            {
                errors.Add("restingUntil", "Give the date the rest ends, or choose until further notice.");
            }
            else if (input.RestingUntil is not null && input.UntilFurtherNotice)
            {
                errors.Add("restingUntil", "Give either an end date or until further notice, not both.");
            }
            else if (input.RestingUntil is { } until && until <= today)
            {
                errors.Add("restingUntil", $"The rest must end after today ({FatigueText.Date(today)}).");
            }
        }
        else if (input.RestingUntil is not null || input.UntilFurtherNotice)
        {
            errors.Add("restingUntil", "Only a resting advocate has a rest end date.");
        }

        return errors;
    }

    /// <summary>Rules for the contact list of a bulk enrolment.</summary>
    public ValidationErrors ValidateBulk(BulkEnrolInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        var ids = input.ContactIds ?? [];
        if (ids.Count == 0)
        {
            errors.Add("contactIds", "Choose at least one contact.");
        }
        else if (ids.Count > MaxBulk)
        {
            errors.Add("contactIds", $"At most {MaxBulk} contacts at once.");
        }

        if (input.InitialStatus is not (AdvocateStatus.Candidate or AdvocateStatus.Active))
        {
            errors.Add("initialStatus", "New advocates start as Candidate or Active.");
        }

        return errors;
    }
}
