using Endorse.Accounts;
using Endorse.Users;

namespace Endorse.Opportunities;

/// <summary>Who is changing opportunities: their user id and roles.</summary>
public sealed record OpportunityEditor(string? UserId, IReadOnlyCollection<string> Roles);

/// <summary>
/// Who may change an opportunity: whoever may change its account (<see cref="AccountAccess"/>), and a sales rep
/// also the opportunities they own themselves.
/// </summary>
public static class OpportunityAccess
{
    public static bool CanChange(IReadOnlyCollection<string> roles, string? userId, int? userSalesAreaId, string? opportunityOwnerId, string? accountOwnerId, int? accountSalesAreaId)
    {
        if (AccountAccess.CanChange(roles, userId, userSalesAreaId, accountOwnerId, accountSalesAreaId))
        {
            return true;
        }

        return roles.Contains(Roles.SalesRep) && userId is not null && opportunityOwnerId == userId;
    }
}
