using Endorse.Audit;

namespace Endorse.Tests.Audit;

public class AuditChangesTests
{
    [Fact]
    public void From_and_to_values_become_readable_rows()
    {
        var changes = AuditChanges.Parse("""{"Name":{"from":"Acme","to":"Acme Corp"},"Employees":{"from":10,"to":12},"IsActive":{"from":true,"to":false}}""");

        Assert.Equal(
            [new AuditChange("Name", "Acme", "Acme Corp"), new AuditChange("Employees", "10", "12"), new AuditChange("IsActive", "yes", "no")],
            changes);
    }

    [Fact]
    public void Created_and_deleted_values_have_only_one_side()
    {
        var changes = AuditChanges.Parse("""{"Role":{"to":"Administrator"},"Old":{"from":"x"},"Cleared":{"from":"y","to":null}}""");

        Assert.Equal([new AuditChange("Role", null, "Administrator"), new AuditChange("Old", "x", null), new AuditChange("Cleared", "y", null)], changes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_changes_are_no_rows(string? json)
    {
        Assert.Empty(AuditChanges.Parse(json));
    }

    [Fact]
    public void Text_that_is_not_json_is_shown_as_it_is()
    {
        Assert.Equal([new AuditChange("", null, "Imported 12 rows")], AuditChanges.Parse("Imported 12 rows"));
        Assert.Equal([new AuditChange("Rows", null, "12")], AuditChanges.Parse("""{"Rows":12}"""));
    }
}
