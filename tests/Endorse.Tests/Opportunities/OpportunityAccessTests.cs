using Endorse.Opportunities;
using Endorse.Users;

namespace Endorse.Tests.Opportunities;

public class OpportunityAccessTests
{
    private static readonly string[] Rep = [Roles.SalesRep];

    [Fact]
    public void A_rep_changes_the_opportunities_they_own_even_on_someone_elses_account() =>
        Assert.True(OpportunityAccess.CanChange(Rep, "rep", null, opportunityOwnerId: "rep", accountOwnerId: "other", accountSalesAreaId: 1));

    [Fact]
    public void A_rep_changes_opportunities_on_accounts_they_own() =>
        Assert.True(OpportunityAccess.CanChange(Rep, "rep", null, opportunityOwnerId: "other", accountOwnerId: "rep", accountSalesAreaId: 1));

    [Fact]
    public void A_rep_does_not_change_someone_elses_opportunity_on_someone_elses_account()
    {
        Assert.False(OpportunityAccess.CanChange(Rep, "rep", null, opportunityOwnerId: "other", accountOwnerId: "other", accountSalesAreaId: 1));
        Assert.False(OpportunityAccess.CanChange(Rep, "rep", null, opportunityOwnerId: null, accountOwnerId: null, accountSalesAreaId: null));
    }

    [Fact]
    public void A_reference_manager_changes_any_opportunity_and_marketing_none()
    {
        Assert.True(OpportunityAccess.CanChange([Roles.ReferenceManager], "rm", null, "other", "other", 1));
        Assert.False(OpportunityAccess.CanChange([Roles.Marketing], "mk", null, "mk", "mk", 1));
    }

    [Fact]
    public void A_sales_manager_changes_opportunities_on_accounts_in_their_area()
    {
        Assert.True(OpportunityAccess.CanChange([Roles.SalesManager], "sm", 4, "other", "other", 4));
        Assert.False(OpportunityAccess.CanChange([Roles.SalesManager], "sm", 4, "other", "other", 5));
    }
}
