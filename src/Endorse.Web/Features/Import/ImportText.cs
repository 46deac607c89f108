using Endorse.Import;

namespace Endorse.Web.Features.Import;

/// <summary>Words for the import report's values.</summary>
public static class ImportText
{
    public static string Outcome(DealOutcome outcome) => outcome switch
    {
        DealOutcome.Won => "Won",
        DealOutcome.Lost => "Lost",
        _ => "Open",
    };

    public static string Basis(ImportReadingBasis basis) => basis switch
    {
        ImportReadingBasis.FileColumns => "the file's won / closed columns",
        ImportReadingBasis.BuiltIn => "a standard stage",
        ImportReadingBasis.Mapping => "your mapping",
        ImportReadingBasis.Guessed => "guessed from its name",
        ImportReadingBasis.SectorName => "the sector's name",
        ImportReadingBasis.NoSector => "no sector matched",
        _ => "not recognised: read as open",
    };

    public static string Kind(ImportWarningKind kind) => kind switch
    {
        ImportWarningKind.UnknownIndustry => "Industry without a sector",
        ImportWarningKind.UnknownCountry => "Country in no region",
        ImportWarningKind.UnknownDealStage => "Deal stage not recognised",
        ImportWarningKind.RelationshipKept => "Relationship kept",
        ImportWarningKind.SeniorityKept => "Seniority kept",
        _ => "Warning",
    };
}
