namespace Endorse.IntegrationTests.Infrastructure;

/// <summary>
/// The databases every data test runs on: SQLite always, PostgreSQL when the test command has started one
/// (ENDORSE_TEST_POSTGRES holds its connection string). In CI a missing PostgreSQL is a failure, not a skip.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("ENDORSE_TEST_POSTGRES");

    /// <summary>Use as <c>[Theory, MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]</c>.</summary>
    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (!string.IsNullOrEmpty(PostgresConnectionString))
            {
                data.Add(Postgres);
            }
            else if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("CI=true but ENDORSE_TEST_POSTGRES is not set: the PostgreSQL tests would silently not run.");
            }

            return data;
        }
    }
}
