using Endorse.Users;

namespace Endorse.Accounts;

/// <summary>Who may change an account and what hangs off it (contacts, opportunities).</summary>
public static class AccountAccess
{
    /// <summary>
    /// Administrators, reference managers and customer success change any account; a sales manager changes
    /// accounts in their sales area; a sales rep only the accounts they own. Marketing and executives read.
    /// </summary>
    public static bool CanChange(IReadOnlyCollection<string> roles, string? userId, int? userSalesAreaId, string? ownerId, int? accountSalesAreaId)
    {
        if (roles.Contains(Roles.Administrator) || roles.Contains(Roles.ReferenceManager) || roles.Contains(Roles.CustomerSuccess))
        {
            return true;
        }

        if (roles.Contains(Roles.SalesManager) && userSalesAreaId is not null && userSalesAreaId == accountSalesAreaId)
        {
            return true;
        }

        return roles.Contains(Roles.SalesRep) && userId is not null && ownerId == userId;
    }
}
