using System.Net;
using Endorse.IntegrationTests.Infrastructure;

namespace Endorse.IntegrationTests.Health;

public class HealthTests
{
    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Ready_and_live_answer_once_the_schema_is_applied(string database)
    {
        await using var app = new EndorseApp(database);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task The_api_refuses_a_caller_without_a_token_and_a_bad_token(string database)
    {
        await using var app = new EndorseApp(database);
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/accounts")).StatusCode);
        var forged = app.ClientWithToken("edr_" + new string('a', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/accounts")).StatusCode);
    }
}
