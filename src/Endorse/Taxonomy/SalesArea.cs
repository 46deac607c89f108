using Endorse.Audit;

namespace Endorse.Taxonomy;

/// <summary>A sales team's territory; scorecards and targets are kept per sales area.</summary>
public class SalesArea : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? RegionId { get; set; }
    public Region? Region { get; set; }

    /// <summary>The sales manager who leads the area.</summary>
    public string? ManagerId { get; set; }
}
