using Endorse.Listing;

namespace Endorse.Contacts;

/// <summary>The rules a contact must keep, used by the API and the edit page alike (field names are the JSON names).</summary>
public sealed class ContactValidator
{
    public ValidationErrors Validate(ContactInput input, bool accountExists = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.AccountId <= 0)
        {
            errors.Add("accountId", "Choose the account the contact works at.");
        }
        else if (!accountExists)
        {
            errors.Add("accountId", "That account does not exist.");
        }

        errors.MaxLength("firstName", input.FirstName, "First name", 100);
        errors.Required("lastName", input.LastName, "Last name", 100);
        errors.Email("email", input.Email);
        errors.MaxLength("phone", input.Phone, "Phone", 50);
        if (!string.IsNullOrWhiteSpace(input.Phone) && !input.Phone.All(c => char.IsDigit(c) || " +-().\u00a0/x".Contains(c, StringComparison.Ordinal)))
        {
            errors.Add("phone", "Phone may contain only digits, spaces and + - ( ) . / x.");
        }

        errors.MaxLength("title", input.Title, "Title", 200);
        errors.MaxLength("language", input.Language, "Language", 50);
        if (!string.IsNullOrWhiteSpace(input.Language) && Formatting.Languages.Code(input.Language) is null)
        {
            errors.Add("language", Formatting.LanguageText.Unknown(input.Language));
        }
        if (input.SeniorityTier is { } tier)
        {
            errors.Defined("seniorityTier", tier, "Seniority tier");
        }

        return errors;
    }
}

/// <summary>How a save sets the seniority tier: inferred from the title unless a person chose one.</summary>
public static class SeniorityRule
{
    /// <summary>
    /// No tier given: infer it from the title (inferred). A tier given that differs from the stored one, or on a new
    /// contact: a person chose it (not inferred). The stored tier given back unchanged keeps its inferred flag,
    /// and is re-inferred from a changed title while it is still inferred.
    /// </summary>
    public static (SeniorityTier Tier, bool Inferred) Decide(SeniorityTier? given, string? title, SeniorityTier? storedTier = null, bool storedInferred = false)
    {
        if (given is null)
        {
            return (SeniorityInference.FromTitle(title), true);
        }

        if (storedTier is not null && given == storedTier && storedInferred)
        {
            return (SeniorityInference.FromTitle(title), true);
        }

        return (given.Value, false);
    }
}
