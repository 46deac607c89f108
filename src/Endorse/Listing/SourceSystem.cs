namespace Endorse.Listing;

/// <summary>Where a record came from. With <c>ExternalId</c> it is the key imports upsert by.</summary>
public enum SourceSystem
{
    Endorse = 0,
    Salesforce = 1,
    HubSpot = 2,
    Csv = 3,
}

/// <summary>A record that may have come from a CRM and is matched on re-import by its source's id.</summary>
public interface ISourced
{
    SourceSystem Source { get; set; }
    string? ExternalId { get; set; }
}
