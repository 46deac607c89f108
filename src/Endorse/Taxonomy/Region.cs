using Endorse.Audit;

namespace Endorse.Taxonomy;

/// <summary>A geographic region (EMEA, North America…); countries map to it on import.</summary>
public class Region : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Comma-separated country names and ISO codes that belong to this region, used to place imported accounts.</summary>
    public string? Countries { get; set; }
}
