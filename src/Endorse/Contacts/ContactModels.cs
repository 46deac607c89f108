namespace Endorse.Contacts;

/// <summary>
/// The filters of the contact list; every one is an indexed column. The account's sector, region and products
/// owned narrow by the contact's account; <see cref="NotAdvocates"/> leaves out contacts already enrolled.
/// </summary>
public sealed record ContactFilter(
    string? Search = null,
    int? AccountId = null,
    SeniorityTier? SeniorityTier = null,
    int? SectorId = null,
    int? RegionId = null,
    int? ProductId = null,
    bool NotAdvocates = false);

/// <summary>One row of the contact list.</summary>
public sealed record ContactListRow(
    int Id,
    string? FirstName,
    string LastName,
    string? Email,
    string? Title,
    SeniorityTier SeniorityTier,
    int AccountId,
    string AccountName)
{
    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";
}

/// <summary>Everything about one contact.</summary>
public sealed record ContactDetails(
    int Id,
    int AccountId,
    string AccountName,
    string? FirstName,
    string LastName,
    string? Email,
    string? Phone,
    string? Title,
    SeniorityTier SeniorityTier,
    bool SeniorityInferred,
    string? Language,
    Listing.SourceSystem Source,
    string? ExternalId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";

    /// <summary>Who set the tier, when a person did (from the audit log); imports keep such a tier.</summary>
    public string? SeniorityTierSetBy { get; init; }

    public DateTimeOffset? SeniorityTierSetAt { get; init; }

    /// <summary>The tier the title alone reads as (what an import would set if no person had).</summary>
    public SeniorityTier TitleReadsAs => SeniorityInference.FromTitle(Title);
}

/// <summary>A person's correction of a contact's seniority tier; null hands it back to the title.</summary>
public sealed class SeniorityInput
{
    public SeniorityTier? SeniorityTier { get; set; }

    /// <summary>The contact's updatedAt as read; required, so a change made meanwhile is not overwritten.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }
}

/// <summary>
/// What a person enters to create or change a contact. Leave <see cref="SeniorityTier"/> empty to have it inferred
/// from the title. <see cref="UpdatedAt"/> is the version they read (required on update).
/// </summary>
public sealed class ContactInput
{
    public int AccountId { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Title { get; set; }
    public SeniorityTier? SeniorityTier { get; set; }
    public string? Language { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    public static ContactInput From(ContactDetails details) => new()
    {
        AccountId = details.AccountId,
        FirstName = details.FirstName,
        LastName = details.LastName,
        Email = details.Email,
        Phone = details.Phone,
        Title = details.Title,
        SeniorityTier = details.SeniorityInferred ? null : details.SeniorityTier,
        Language = details.Language,
        UpdatedAt = details.UpdatedAt,
    };
}
