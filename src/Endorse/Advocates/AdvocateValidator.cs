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

        return errors;
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

        return errors;
    }
}
