using Endorse.Users;

namespace Endorse.Accounts;

/// <summary>Who is asking to change customer data: their user id and roles (the sales area is read from the user when it matters).</summary>
public sealed record CustomerActor(string? UserId, IReadOnlyCollection<string> Roles)
{
    public bool IsSalesRepOnly => Roles.Contains(Users.Roles.SalesRep) && !HasWideAccess && !Roles.Contains(Users.Roles.SalesManager);

    /// <summary>Roles that change any account, whoever owns it.</summary>
    public bool HasWideAccess => Roles.Contains(Users.Roles.Administrator) || Roles.Contains(Users.Roles.ReferenceManager) || Roles.Contains(Users.Roles.CustomerSuccess);

    public bool MayChangeCustomers => HasWideAccess || Roles.Contains(Users.Roles.SalesManager) || Roles.Contains(Users.Roles.SalesRep);
}
