using Endorse.Accounts;

namespace Endorse.Tests.Accounts;

public class CustomerRuleTests
{
    private static Account Account(AccountRelationship relationship, DateOnly? since) =>
        new() { Name = "Acme", Relationship = relationship, CustomerSince = since };

    [Theory]
    [InlineData(AccountRelationship.Customer, true, true)]
    [InlineData(AccountRelationship.Customer, false, true)]
    [InlineData(AccountRelationship.Prospect, true, false)]
    [InlineData(AccountRelationship.Prospect, false, false)]
    [InlineData(AccountRelationship.FormerCustomer, true, false)]
    public void The_relationship_alone_decides_not_the_customer_since_date(AccountRelationship relationship, bool hasSince, bool customer)
    {
        var account = Account(relationship, hasSince ? new DateOnly(2019, 5, 1) : null);

        Assert.Equal(customer, CustomerRule.IsCustomer(account));
        Assert.Equal(customer, CustomerRule.IsCustomerExpression.Compile()(account));
        Assert.Equal(customer, CustomerRule.IsCustomerContactExpression.Compile()(new Endorse.Contacts.Contact { FirstName = "A", LastName = "B", Account = account }));
    }

    [Fact]
    public void A_derived_relationship_makes_a_customer_of_a_won_deal_or_a_customer_since_date()
    {
        // Where the CRM says nothing, the derivation (one place: AccountRelationshipRule) feeds the rule.
        Assert.True(CustomerRule.IsCustomer(AccountRelationshipRule.Derive(hasWonOpportunity: true, customerSince: null)));
        Assert.True(CustomerRule.IsCustomer(AccountRelationshipRule.Derive(hasWonOpportunity: false, customerSince: new DateOnly(2020, 1, 1))));
        Assert.False(CustomerRule.IsCustomer(AccountRelationshipRule.Derive(hasWonOpportunity: false, customerSince: null)));
        Assert.False(CustomerRule.IsCustomer(AccountRelationshipRule.Decide(AccountRelationship.Customer, RelationshipSource.Derived, AccountRelationship.FormerCustomer, true, new DateOnly(2020, 1, 1)).Relationship));
    }

    [Fact]
    public void A_refusal_says_what_the_account_is_instead()
    {
        Assert.Equal(
            "Acme is a former customer: only customers' contacts can be nominated.",
            CustomerRule.NotACustomer("Acme", AccountRelationship.FormerCustomer, "only customers' contacts can be nominated"));
        Assert.Equal(
            "Acme is a prospect, not a customer: only customers can be wished for, onboarded or discovered.",
            CustomerRule.NotACustomer("Acme", AccountRelationship.Prospect));
    }
}
