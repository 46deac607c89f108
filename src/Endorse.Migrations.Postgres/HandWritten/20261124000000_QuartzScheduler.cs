using Endorse.Data;
using Endorse.Scheduling;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Endorse.Migrations.Postgres.Migrations;

/// <summary>
/// The Quartz.NET job store's tables (QRTZ_*). Hand-written and kept outside Migrations/ so regenerating the
/// Initial migration leaves it alone; it changes no EF model, so it has no designer file and the snapshot is untouched.
/// </summary>
[DbContext(typeof(EndorseDbContext))]
[Migration("20261124000000_QuartzScheduler")]
public partial class QuartzScheduler : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(QuartzSchema.Postgres);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in QuartzSchema.DropOrder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS " + table + ";");
        }
    }
}
