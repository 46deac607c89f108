using Endorse.Audit;
using Endorse.Taxonomy;

namespace Endorse.Import;

/// <summary>How an opportunity stands, read from its stage.</summary>
public enum DealOutcome
{
    Open = 0,
    Won = 1,
    Lost = 2,
}

/// <summary>
/// A person's reading of a CRM value that Endorse does not understand by itself, used by every later import: an
/// industry that means an existing sector ("Banking" → Financial services), a custom pipeline's stage that means won,
/// lost or open. Matched by <see cref="ImportValues.Key"/> (case, accents of spacing and punctuation ignored).
/// </summary>
public class ImportValueMapping : IAudited
{
    public int Id { get; set; }
    public ImportValueKind Kind { get; set; }

    /// <summary><see cref="ImportValues.Key"/> of <see cref="Value"/>; unique per kind.</summary>
    public required string Key { get; set; }

    /// <summary>The value as the CRM wrote it when the mapping was made.</summary>
    public required string Value { get; set; }

    /// <summary>For an industry: the sector it means.</summary>
    public int? SectorId { get; set; }

    public Sector? Sector { get; set; }

    /// <summary>For a deal stage: what it means.</summary>
    public DealOutcome? Outcome { get; set; }

    public string? CreatedByName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
