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

    /// <summary>The person's IANA time zone ("Europe/Berlin"); null until they pick one or their browser tells it.</summary>
    public string? TimeZone { get; set; }

    /// <summary>How the person likes dates written.</summary>
    public Formatting.DateStyle DateStyle { get; set; }

    /// <summary>A 12-hour clock ("2:30 PM") instead of 24 hours ("14:30").</summary>
    public bool Hour12 { get; set; }

    /// <summary>Reference managers: mail me each new request, not only my inbox.</summary>
    public bool MailNewRequests { get; set; }

    /// <summary>One mail a day with everything, instead of a mail as each thing happens.</summary>
    public bool DailyDigest { get; set; }
}
