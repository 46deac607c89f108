namespace Endorse.Import;

/// <summary>What an import warns about: a row it imported with something it could not place.</summary>
public enum ImportWarningKind
{
    /// <summary>The industry matches no sector (nor a mapping to one).</summary>
    UnknownIndustry = 1,

    /// <summary>No region lists the country.</summary>
    UnknownCountry = 2,

    /// <summary>A deal stage Endorse does not know and no mapping names: read as open, or guessed from its name.</summary>
    UnknownDealStage = 3,

    /// <summary>The CRM's type says another relationship than the one a person set; the person's was kept.</summary>
    RelationshipKept = 4,

    /// <summary>The title changed and reads as another tier than the one a person set; the person's was kept.</summary>
    SeniorityKept = 5,
}

/// <summary>A row the import took in with a warning: where (line, column), the value, and what was done.</summary>
public class ImportWarning
{
    public long Id { get; set; }
    public int ImportRunId { get; set; }
    public int LineNumber { get; set; }

    /// <summary>The row's id in the source system.</summary>
    public string? ExternalId { get; set; }

    public ImportWarningKind Kind { get; set; }

    /// <summary>The file's column the value came from, as its header names it.</summary>
    public required string Column { get; set; }

    public string? Value { get; set; }

    /// <summary>What the import did about it, as a sentence.</summary>
    public required string Message { get; set; }
}

/// <summary>The CRM values an import reads into Endorse's own terms, listed in its report with how each was read.</summary>
public enum ImportValueKind
{
    /// <summary>An account's industry, read as a sector.</summary>
    Industry = 1,

    /// <summary>An opportunity's stage, read as open, won or lost.</summary>
    DealStage = 2,

    /// <summary>An account's type or lifecycle stage, read as a relationship (prospect, customer, former customer).</summary>
    AccountType = 3,
}

/// <summary>On what an import based its reading of a value.</summary>
public enum ImportReadingBasis
{
    /// <summary>An industry named like a sector.</summary>
    SectorName = 1,

    /// <summary>A mapping a person made (an industry to a sector, a stage to won/lost/open).</summary>
    Mapping = 2,

    /// <summary>An industry that matches no sector.</summary>
    NoSector = 3,

    /// <summary>A stage or type Endorse knows (HubSpot's and Salesforce's standard values).</summary>
    BuiltIn = 4,

    /// <summary>The file's own won/closed columns (Salesforce IsWon/IsClosed, HubSpot "Is Closed Won").</summary>
    FileColumns = 5,

    /// <summary>Guessed from the words of the stage ("Won – renewal").</summary>
    Guessed = 6,

    /// <summary>Not understood: a stage read as open, a type that says nothing about the relationship.</summary>
    Unknown = 7,
}

/// <summary>One distinct value an import saw in a column, how many rows had it and how it was read.</summary>
public class ImportSeenValue
{
    public long Id { get; set; }
    public int ImportRunId { get; set; }
    public ImportValueKind Kind { get; set; }

    /// <summary>The file's column, as its header names it.</summary>
    public required string Column { get; set; }

    public required string Value { get; set; }
    public int Rows { get; set; }

    /// <summary>What it was read as: a sector id (industries), a <see cref="DealOutcome"/> (stages), an <see cref="Accounts.AccountRelationship"/> (types); null for nothing.</summary>
    public int? Reading { get; set; }

    public ImportReadingBasis Basis { get; set; }
}
