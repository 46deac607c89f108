using Endorse.Accounts;
using Endorse.Users;

namespace Endorse.Tests.Accounts;

public class AccountAccessTests
{
    [Theory]
    [InlineData(Roles.Administrator, true)]
    [InlineData(Roles.ReferenceManager, true)]
    [InlineData(Roles.CustomerSuccess, true)]
    [InlineData(Roles.Marketing, false)]
    [InlineData(Roles.Executive, false)]
    public void Wide_roles_change_any_account_and_readers_none(string role, bool expected) =>
        Assert.Equal(expected, AccountAccess.CanChange([role], "me", null, "someone-else", 9));

    [Fact]
    public void A_sales_rep_changes_only_the_accounts_they_own()
    {
        Assert.True(AccountAccess.CanChange([Roles.SalesRep], "rep-1", null, "rep-1", null));
        Assert.False(AccountAccess.CanChange([Roles.SalesRep], "rep-1", null, "rep-2", null));
        Assert.False(AccountAccess.CanChange([Roles.SalesRep], "rep-1", null, null, null));
    }

    [Fact]
    public void A_sales_manager_changes_accounts_in_their_sales_area()
    {
        Assert.True(AccountAccess.CanChange([Roles.SalesManager], "m", 3, "rep-2", 3));
        Assert.False(AccountAccess.CanChange([Roles.SalesManager], "m", 3, "rep-2", 4));
        Assert.False(AccountAccess.CanChange([Roles.SalesManager], "m", null, "rep-2", null));
    }

    [Fact]
    public void The_actor_knows_who_may_change_customers_at_all()
    {
        Assert.True(new CustomerActor("r", [Roles.SalesRep]).IsSalesRepOnly);
        Assert.False(new CustomerActor("r", [Roles.SalesRep, Roles.ReferenceManager]).IsSalesRepOnly);
        Assert.False(new CustomerActor("x", [Roles.Marketing, Roles.Executive]).MayChangeCustomers);
        Assert.True(new CustomerActor("x", [Roles.SalesManager]).MayChangeCustomers);
    }
}
