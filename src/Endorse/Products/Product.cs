using Endorse.Audit;

namespace Endorse.Products;

/// <summary>Something the company sells. New and strategic products are where references are scarcest.</summary>
public class Product : IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Family { get; set; }
    public string? Description { get; set; }
    public bool IsStrategic { get; set; }
    public DateOnly? LaunchedOn { get; set; }
    public bool IsRetired { get; set; }

    /// <summary>The senior service person told when service-problem objections pile up among its customers (a user id).</summary>
    public string? ServiceLeadId { get; set; }
}
