using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.Requests;

namespace Endorse.Matching;

/// <summary>The matching criteria a reference request stands for.</summary>
public static class RequestCriteria
{
    /// <summary>
    /// The request's activity type and criteria (load its <see cref="ReferenceRequest.Products"/>); a needed-by date already past (an overdue request) is not held
    /// against the advocates, so the ranking shows who is free now.
    /// </summary>
    public static MatchCriteria Of(ReferenceRequest request, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new MatchCriteria(request.ActivityType)
        {
            ProductIds = [.. request.Products.Select(p => p.ProductId)],
            SectorId = request.SectorId,
            RegionId = request.RegionId,
            SizeBand = request.SizeBand ?? SizeBand.Unknown,
            MinimumSeniority = request.MinimumSeniority ?? SeniorityTier.Unknown,
            Language = request.Language,
            NeededBy = request.NeededBy >= today ? request.NeededBy : null,
        };
    }
}
