using Endorse.Audit;

namespace Endorse.Taxonomy;

/// <summary>An industry a customer works in (Healthcare, Financial services…).</summary>
public class Sector : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}
