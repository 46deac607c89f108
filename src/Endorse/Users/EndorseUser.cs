using Microsoft.AspNetCore.Identity;

namespace Endorse.Users;

/// <summary>An employee who signs in to Endorse. Advocates never do: they answer through links.</summary>
public class EndorseUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? SalesAreaId { get; set; }

    /// <summary>The user's id in the CRM (Salesforce OwnerId, HubSpot owner id), so imported owners map to users.</summary>
    public string? CrmUserId { get; set; }

    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
}
