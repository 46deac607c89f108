using Endorse.Accounts;
using Endorse.Audit;
using Endorse.Listing;

namespace Endorse.Contacts;

/// <summary>A person at an account.</summary>
public class Contact : ISourced, IAudited
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account? Account { get; set; }

    /// <summary>
    /// Copies of the account's sector and region, so contact lists filter by them through an index of their own
    /// (kept equal to the account's by every writer; see docs/decisions.md).
    /// </summary>
    public int? SectorId { get; set; }

    public int? RegionId { get; set; }

    public string? FirstName { get; set; }
    public required string LastName { get; set; }

    /// <summary>Normalized "last first", for sorting and prefix search by last name.</summary>
    public string NameSearch { get; set; } = string.Empty;

    /// <summary>Normalized "first last", for prefix search by first name.</summary>
    public string FirstNameSearch { get; set; } = string.Empty;

    public string? Email { get; set; }

    /// <summary>Lower-cased e-mail, for prefix search.</summary>
    public string EmailSearch { get; set; } = string.Empty;

    public string? Phone { get; set; }
    public string? Title { get; set; }
    public SeniorityTier SeniorityTier { get; set; }

    /// <summary>True while the tier is the one inferred from the title; an edit by a person sets it false and imports keep it.</summary>
    public bool SeniorityInferred { get; set; }

    public string? Language { get; set; }

    public SourceSystem Source { get; set; }
    public string? ExternalId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string DisplayName => string.IsNullOrWhiteSpace(FirstName) ? LastName : $"{FirstName} {LastName}";
}
