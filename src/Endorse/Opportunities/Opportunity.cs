using Endorse.Accounts;
using Endorse.Audit;
using Endorse.Listing;

namespace Endorse.Opportunities;

/// <summary>A deal in the CRM. References are requested for opportunities and credited with influencing them.</summary>
public class Opportunity : ISourced, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string NameSearch { get; set; } = string.Empty;

    /// <summary>The prospect or customer the deal is with.</summary>
    public int? AccountId { get; set; }
    public Account? Account { get; set; }

    public string? Stage { get; set; }
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public DateOnly? CloseDate { get; set; }
    public bool IsClosed { get; set; }
    public bool IsWon { get; set; }
    public int? ProductId { get; set; }
    public Products.Product? Product { get; set; }
    public string? OwnerId { get; set; }
    public string? OwnerExternalId { get; set; }

    public SourceSystem Source { get; set; }
    public string? ExternalId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
