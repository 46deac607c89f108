using Endorse.Accounts;

namespace Endorse.Tests.Accounts;

public class AccountRelationshipRuleTests
{
    private static readonly DateOnly Since = new(2023, 4, 1);

    [Theory]
    [InlineData(false, false, AccountRelationship.Prospect)]
    [InlineData(true, false, AccountRelationship.Customer)]
    [InlineData(false, true, AccountRelationship.Customer)]
    [InlineData(true, true, AccountRelationship.Customer)]
    public void Without_a_word_from_the_CRM_or_a_person_a_won_deal_or_a_customer_since_date_makes_a_customer(bool hasWon, bool hasSince, AccountRelationship expected) =>
        Assert.Equal(expected, AccountRelationshipRule.Derive(hasWon, hasSince ? Since : null));

    [Fact]
    public void What_the_CRM_says_wins_over_the_derivation()
    {
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Crm), AccountRelationshipRule.Decide(AccountRelationship.Customer, RelationshipSource.Derived, AccountRelationship.Prospect, true, Since));
        Assert.Equal((AccountRelationship.FormerCustomer, RelationshipSource.Crm), AccountRelationshipRule.Decide(AccountRelationship.Customer, RelationshipSource.Derived, AccountRelationship.FormerCustomer, true, null));
    }

    [Fact]
    public void When_the_CRM_stops_saying_it_is_derived_again() =>
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Derived), AccountRelationshipRule.Decide(AccountRelationship.Prospect, RelationshipSource.Crm, null, true, null));

    [Fact]
    public void A_persons_setting_stands_whatever_the_CRM_and_the_deals_say()
    {
        Assert.Equal((AccountRelationship.FormerCustomer, RelationshipSource.Person), AccountRelationshipRule.Decide(AccountRelationship.FormerCustomer, RelationshipSource.Person, AccountRelationship.Customer, true, Since));
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Person), AccountRelationshipRule.Decide(AccountRelationship.Customer, RelationshipSource.Person, null, false, null));
    }

    [Fact]
    public void A_form_choosing_a_value_makes_it_the_persons_and_null_hands_it_back()
    {
        Assert.Equal((AccountRelationship.FormerCustomer, RelationshipSource.Person), AccountRelationshipRule.Choose(AccountRelationship.FormerCustomer, AccountRelationship.Customer, RelationshipSource.Derived, null, true, Since));
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Crm), AccountRelationshipRule.Choose(null, AccountRelationship.FormerCustomer, RelationshipSource.Person, AccountRelationship.Customer, false, null));
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Derived), AccountRelationshipRule.Choose(null, AccountRelationship.FormerCustomer, RelationshipSource.Person, null, false, null));
    }

    [Fact]
    public void Sending_back_the_automatic_value_that_was_read_keeps_it_automatic()
    {
        // A client that PUTs back what it GOT does not pin a derived value as a person's.
        Assert.Equal((AccountRelationship.Customer, RelationshipSource.Derived), AccountRelationshipRule.Choose(AccountRelationship.Customer, AccountRelationship.Customer, RelationshipSource.Derived, null, true, null));

        // ... and the derivation runs again on the new values (the customer-since date was cleared, no won deal).
        Assert.Equal((AccountRelationship.Prospect, RelationshipSource.Derived), AccountRelationshipRule.Choose(AccountRelationship.Customer, AccountRelationship.Customer, RelationshipSource.Derived, null, false, null));
    }

    [Theory]
    [InlineData("Customer - Direct", AccountRelationship.Customer)]
    [InlineData("Customer - Channel", AccountRelationship.Customer)]
    [InlineData("Prospect", AccountRelationship.Prospect)]
    [InlineData("Former Customer", AccountRelationship.FormerCustomer)]
    [InlineData("Ex-customer", AccountRelationship.FormerCustomer)]
    [InlineData("Churned", AccountRelationship.FormerCustomer)]
    [InlineData("Ehemaliger Kunde", AccountRelationship.FormerCustomer)]
    [InlineData("Ancien client", AccountRelationship.FormerCustomer)]
    [InlineData("Kunde", AccountRelationship.Customer)]
    [InlineData("Klant", AccountRelationship.Customer)]
    [InlineData("Potential customer", AccountRelationship.Prospect)]
    [InlineData("customer", AccountRelationship.Customer)]
    [InlineData("evangelist", AccountRelationship.Customer)]
    [InlineData("lead", AccountRelationship.Prospect)]
    [InlineData("marketingqualifiedlead", AccountRelationship.Prospect)]
    [InlineData("Sales Qualified Lead", AccountRelationship.Prospect)]
    [InlineData("Opportunity", AccountRelationship.Prospect)]
    [InlineData("PROSPECT", AccountRelationship.Prospect)]
    [InlineData("Channel Partner / Reseller", null)]
    [InlineData("Technology Partner", null)]
    [InlineData("VENDOR", null)]
    [InlineData("Other", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Reads_Salesforce_types_and_HubSpot_lifecycle_stages(string? value, AccountRelationship? expected) =>
        Assert.Equal(expected, AccountRelationshipRule.FromCrm(value));

    [Fact]
    public void Of_two_CRM_values_a_former_customer_beats_a_customer_and_a_customer_beats_a_prospect()
    {
        Assert.Equal(AccountRelationship.Customer, AccountRelationshipRule.FromCrm("customer", "PROSPECT"));
        Assert.Equal(AccountRelationship.FormerCustomer, AccountRelationshipRule.FromCrm("customer", "Former Customer"));
        Assert.Equal(AccountRelationship.Prospect, AccountRelationshipRule.FromCrm("lead", "PARTNER"));
        Assert.Null(AccountRelationshipRule.FromCrm("other", "PARTNER"));
    }
}
