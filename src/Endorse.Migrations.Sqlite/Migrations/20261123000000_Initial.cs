using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Endorse.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvocacyKit",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocacyKit", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SalesAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    CrmUserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DateStyle = table.Column<int>(type: "INTEGER", nullable: false),
                    Hour12 = table.Column<bool>(type: "INTEGER", nullable: false),
                    MailNewRequests = table.Column<bool>(type: "INTEGER", nullable: false),
                    DailyDigest = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<long>(type: "INTEGER", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ExecutivePrograms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutivePrograms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HygieneAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Question = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<int>(type: "INTEGER", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HygieneAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    Entity = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: false),
                    ColumnMapping = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    BytesRead = table.Column<long>(type: "INTEGER", nullable: false),
                    RowsRead = table.Column<int>(type: "INTEGER", nullable: false),
                    Created = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Warnings = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WorkerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchChange", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MatchSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboundMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    To = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "TEXT", nullable: false),
                    HtmlBody = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    AttachmentMediaType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AttachmentContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundMails", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaybookAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Objection = table.Column<int>(type: "INTEGER", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaybookAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Products",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Family = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    IsStrategic = table.Column<bool>(type: "INTEGER", nullable: false),
                    LaunchedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsRetired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ServiceLeadId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    FatiguePolicy = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    MatchWeights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    FulfilmentModes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Sourcing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    PoolRules = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ServiceEscalation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentReminder",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Recipient = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Items = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentReminder", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ServiceEscalations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NotifiedNames = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Accounts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AccountCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceEscalations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccessTokens",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastUsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AwaitsDigest = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveProgramEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveProgramEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutiveProgramEvents_ExecutivePrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "ExecutivePrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRejections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRejections_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRunEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRunEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRunEvents_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportSeenValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Reading = table.Column<int>(type: "INTEGER", nullable: true),
                    Basis = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportSeenValues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportSeenValues_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportWarnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportWarnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportWarnings_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SalesAreas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ManagerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SalesAreas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SalesAreas_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ImportValueMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportValueMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportValueMappings_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Accounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Website = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    SalesAreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    Employees = table.Column<int>(type: "INTEGER", nullable: true),
                    SizeBand = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualRevenue = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    CustomerSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Relationship = table.Column<int>(type: "INTEGER", nullable: false),
                    RelationshipSource = table.Column<int>(type: "INTEGER", nullable: false),
                    CrmRelationship = table.Column<int>(type: "INTEGER", nullable: true),
                    Industry = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContractSignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SatisfactionKind = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionScore = table.Column<int>(type: "INTEGER", nullable: true),
                    SatisfactionMeasuredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OpenEscalations = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DisclosurePermission = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Accounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Accounts_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Accounts_SalesAreas_SalesAreaId",
                        column: x => x.SalesAreaId,
                        principalTable: "SalesAreas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Accounts_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AccountGates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    SetById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SetByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LiftedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LiftedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    LiftedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountGates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccountGates_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountProducts",
                columns: table => new
                {
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false),
                    GoLiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountProducts", x => new { x.AccountId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_AccountProducts_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AccountProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    FirstNameSearch = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    EmailSearch = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SeniorityTier = table.Column<int>(type: "INTEGER", nullable: false),
                    SeniorityInferred = table.Column<bool>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Contacts_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Contacts_Sectors_SectorId",
                        column: x => x.SectorId,
                        principalTable: "Sectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "OnboardingPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    KickOffOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OnboardingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OnboardingPlans_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Opportunities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    NameSearch = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    CloseDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsClosed = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsWon = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    ExternalId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Opportunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Opportunities_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Opportunities_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Advocates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RestingUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ActivityTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    Languages = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Topics = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    MaxActivitiesPerQuarter = table.Column<int>(type: "INTEGER", nullable: true),
                    PreferredChannel = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EnrolledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EnrolledById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    BookingVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Advocates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Advocates_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Advocates_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveProgramMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    CompanyExecutiveId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveProgramMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutiveProgramMembers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutiveProgramMembers_ExecutivePrograms_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "ExecutivePrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CompletedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    DueNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverdueNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_OnboardingPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "OnboardingPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReferenceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequesterId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProspectName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ActivityType = table.Column<int>(type: "INTEGER", nullable: false),
                    SectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: true),
                    SizeBand = table.Column<int>(type: "INTEGER", nullable: true),
                    MinimumSeniority = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    AdvocatesNeeded = table.Column<int>(type: "INTEGER", nullable: false),
                    NeededBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferenceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferenceRequests_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WishListEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenAccountId = table.Column<int>(type: "INTEGER", nullable: true),
                    WisherId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    WisherName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DealOrSegment = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Why = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ParkedReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ConvertedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WishListEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WishListEntries_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WishListEntries_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AdvocacyActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityType = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    OpportunityId = table.Column<int>(type: "INTEGER", nullable: true),
                    Quality = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocacyActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvocacyActivities_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvocateBlackouts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocateBlackouts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvocateBlackouts_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvocateProducts",
                columns: table => new
                {
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocateProducts", x => new { x.AdvocateId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_AdvocateProducts_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdvocateProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvocateStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    RestingUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvocateStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvocateStatusChanges_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Nominations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    ActivityTypes = table.Column<int>(type: "INTEGER", nullable: false),
                    ReserveForNominator = table.Column<bool>(type: "INTEGER", nullable: false),
                    NominatorId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    NominatorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    WaitingSince = table.Column<long>(type: "INTEGER", nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DeclinedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReservedUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Nominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Nominations_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Nominations_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveCommitments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgramId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReminderOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OverdueNoticeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExecutiveCommitments_ExecutiveProgramMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ExecutiveProgramMembers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExecutiveEventAttendances",
                columns: table => new
                {
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutiveEventAttendances", x => new { x.EventId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_ExecutiveEventAttendances_ExecutiveProgramEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "ExecutiveProgramEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExecutiveEventAttendances_ExecutiveProgramMembers_MemberId",
                        column: x => x.MemberId,
                        principalTable: "ExecutiveProgramMembers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "RequestEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    From = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestEvents_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdvocateId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerDecisionById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    OwnerDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Objection = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AskTokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AskExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AskedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OfferedSlots = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ScheduledStart = table.Column<long>(type: "INTEGER", nullable: true),
                    ScheduledMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    JoinDetails = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ReminderTokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequesterSaysHappened = table.Column<bool>(type: "INTEGER", nullable: true),
                    RequesterQuality = table.Column<int>(type: "INTEGER", nullable: true),
                    RequesterWouldUseAgain = table.Column<bool>(type: "INTEGER", nullable: true),
                    RequesterComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AdvocateRating = table.Column<int>(type: "INTEGER", nullable: true),
                    AdvocateComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AdvocateFeedbackAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FeedbackTokenHash = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FeedbackExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestParticipants_Advocates_AdvocateId",
                        column: x => x.AdvocateId,
                        principalTable: "Advocates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequestParticipants_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RequestProducts",
                columns: table => new
                {
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestProducts", x => new { x.RequestId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_RequestProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequestProducts_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NominationEvents_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "NominationProducts",
                columns: table => new
                {
                    NominationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NominationProducts", x => new { x.NominationId, x.ProductId });
                    table.ForeignKey(
                        name: "FK_NominationProducts_Nominations_NominationId",
                        column: x => x.NominationId,
                        principalTable: "Nominations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NominationProducts_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_TokenHash",
                table: "AccessTokens",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessTokens_UserId",
                table: "AccessTokens",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountGates_AccountId_StartsOn",
                table: "AccountGates",
                columns: new[] { "AccountId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountGates_EndsOn",
                table: "AccountGates",
                column: "EndsOn");

            migrationBuilder.CreateIndex(
                name: "IX_AccountGates_Kind_EndsOn",
                table: "AccountGates",
                columns: new[] { "Kind", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountGates_UpdatedAt",
                table: "AccountGates",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_AccountProducts_ProductId",
                table: "AccountProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_CustomerSince",
                table: "Accounts",
                column: "CustomerSince");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_DisclosurePermission_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "DisclosurePermission", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_OwnerExternalId",
                table: "Accounts",
                column: "OwnerExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_OwnerId_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "OwnerId", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_RegionId_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "RegionId", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Relationship_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "Relationship", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_RenewalOn",
                table: "Accounts",
                column: "RenewalOn");

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_SalesAreaId_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "SalesAreaId", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_SectorId_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "SectorId", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_SizeBand_NameSearch_Id",
                table: "Accounts",
                columns: new[] { "SizeBand", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Accounts_Source_ExternalId",
                table: "Accounts",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdvocacyActivities_AccountId_OccurredOn",
                table: "AdvocacyActivities",
                columns: new[] { "AccountId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocacyActivities_AdvocateId_OccurredOn",
                table: "AdvocacyActivities",
                columns: new[] { "AdvocateId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocacyActivities_ParticipantId",
                table: "AdvocacyActivities",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateBlackouts_AdvocateId_From",
                table: "AdvocateBlackouts",
                columns: new[] { "AdvocateId", "From" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateProducts_ProductId",
                table: "AdvocateProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Advocates_AccountId_Status",
                table: "Advocates",
                columns: new[] { "AccountId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Advocates_ContactId",
                table: "Advocates",
                column: "ContactId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Advocates_Status",
                table: "Advocates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_AdvocateStatusChanges_AdvocateId_At",
                table: "AdvocateStatusChanges",
                columns: new[] { "AdvocateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CrmUserId",
                table: "AspNetUsers",
                column: "CrmUserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_DisplayName",
                table: "AspNetUsers",
                column: "DisplayName");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserId",
                table: "AuditEntries",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_AccountId_DueOn",
                table: "CheckIns",
                columns: new[] { "AccountId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CompletedOn_DueOn",
                table: "CheckIns",
                columns: new[] { "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_PlanId_Kind",
                table: "CheckIns",
                columns: new[] { "PlanId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_AccountId_NameSearch_Id",
                table: "Contacts",
                columns: new[] { "AccountId", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_EmailSearch_Id",
                table: "Contacts",
                columns: new[] { "EmailSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_FirstNameSearch_Id_NameSearch",
                table: "Contacts",
                columns: new[] { "FirstNameSearch", "Id", "NameSearch" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_NameSearch_Id",
                table: "Contacts",
                columns: new[] { "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_RegionId_NameSearch_Id_SectorId_SeniorityTier",
                table: "Contacts",
                columns: new[] { "RegionId", "NameSearch", "Id", "SectorId", "SeniorityTier" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SectorId_NameSearch_Id_RegionId_SeniorityTier",
                table: "Contacts",
                columns: new[] { "SectorId", "NameSearch", "Id", "RegionId", "SeniorityTier" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SeniorityTier_FirstNameSearch_Id_NameSearch",
                table: "Contacts",
                columns: new[] { "SeniorityTier", "FirstNameSearch", "Id", "NameSearch" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SeniorityTier_NameSearch_Id",
                table: "Contacts",
                columns: new[] { "SeniorityTier", "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_Source_ExternalId",
                table: "Contacts",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveCommitments_MemberId",
                table: "ExecutiveCommitments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveCommitments_ProgramId_DueOn",
                table: "ExecutiveCommitments",
                columns: new[] { "ProgramId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveCommitments_Status_DueOn",
                table: "ExecutiveCommitments",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveEventAttendances_MemberId",
                table: "ExecutiveEventAttendances",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramEvents_ProgramId_HeldOn",
                table: "ExecutiveProgramEvents",
                columns: new[] { "ProgramId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramMembers_AccountId",
                table: "ExecutiveProgramMembers",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramMembers_CompanyExecutiveId",
                table: "ExecutiveProgramMembers",
                column: "CompanyExecutiveId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramMembers_ContactId",
                table: "ExecutiveProgramMembers",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramMembers_ProgramId_ContactId",
                table: "ExecutiveProgramMembers",
                columns: new[] { "ProgramId", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutiveProgramMembers_UpdatedAt",
                table: "ExecutiveProgramMembers",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ExecutivePrograms_Kind_NameSearch",
                table: "ExecutivePrograms",
                columns: new[] { "Kind", "NameSearch" });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutivePrograms_NameSearch_Id",
                table: "ExecutivePrograms",
                columns: new[] { "NameSearch", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HygieneAnswers_AnsweredOn",
                table: "HygieneAnswers",
                column: "AnsweredOn");

            migrationBuilder.CreateIndex(
                name: "IX_HygieneAnswers_Question_AnsweredOn",
                table: "HygieneAnswers",
                columns: new[] { "Question", "AnsweredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRejections_ImportRunId_LineNumber",
                table: "ImportRejections",
                columns: new[] { "ImportRunId", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRunEvents_ImportRunId_At",
                table: "ImportRunEvents",
                columns: new[] { "ImportRunId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_CreatedAt",
                table: "ImportRuns",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_Status_LeaseExpiresAt",
                table: "ImportRuns",
                columns: new[] { "Status", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportSeenValues_ImportRunId_Kind",
                table: "ImportSeenValues",
                columns: new[] { "ImportRunId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportValueMappings_Kind_Key",
                table: "ImportValueMappings",
                columns: new[] { "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportValueMappings_SectorId",
                table: "ImportValueMappings",
                column: "SectorId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportWarnings_ImportRunId_LineNumber",
                table: "ImportWarnings",
                columns: new[] { "ImportRunId", "LineNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationEvents_NominationId_At",
                table: "NominationEvents",
                columns: new[] { "NominationId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_NominationProducts_ProductId",
                table: "NominationProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_AccountId",
                table: "Nominations",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_AdvocateId",
                table: "Nominations",
                column: "AdvocateId");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_CreatedAt",
                table: "Nominations",
                columns: new[] { "ContactId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_ContactId_Open",
                table: "Nominations",
                column: "ContactId",
                unique: true,
                filter: "\"Status\" IN (0, 1, 2)");

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NominatorId_CreatedAt",
                table: "Nominations",
                columns: new[] { "NominatorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_NominatorId_Status_ApprovedAt",
                table: "Nominations",
                columns: new[] { "NominatorId", "Status", "ApprovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_OwnerId_Status",
                table: "Nominations",
                columns: new[] { "OwnerId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Status_ReservedUntil",
                table: "Nominations",
                columns: new[] { "Status", "ReservedUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Nominations_Status_WaitingSince",
                table: "Nominations",
                columns: new[] { "Status", "WaitingSince" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_AwaitsDigest_UserId",
                table: "Notifications",
                columns: new[] { "AwaitsDigest", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OnboardingPlans_AccountId",
                table: "OnboardingPlans",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OnboardingPlans_Outcome_AccountId",
                table: "OnboardingPlans",
                columns: new[] { "Outcome", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_OnboardingPlans_UpdatedAt",
                table: "OnboardingPlans",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_AccountId_CloseDate",
                table: "Opportunities",
                columns: new[] { "AccountId", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_CloseDate",
                table: "Opportunities",
                column: "CloseDate");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_IsClosed_CloseDate",
                table: "Opportunities",
                columns: new[] { "IsClosed", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_NameSearch",
                table: "Opportunities",
                column: "NameSearch");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerExternalId",
                table: "Opportunities",
                column: "OwnerExternalId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_OwnerId_CloseDate",
                table: "Opportunities",
                columns: new[] { "OwnerId", "CloseDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_ProductId",
                table: "Opportunities",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Source_ExternalId",
                table: "Opportunities",
                columns: new[] { "Source", "ExternalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_UpdatedAt",
                table: "Opportunities",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundMails_Status_NextAttemptAt",
                table: "OutboundMails",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlaybookAnswers_Objection",
                table: "PlaybookAnswers",
                column: "Objection",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Products_Name",
                table: "Products",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_NeededBy_Id_Status",
                table: "ReferenceRequests",
                columns: new[] { "NeededBy", "Id", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_OpportunityId",
                table: "ReferenceRequests",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_RequesterId_CreatedAt",
                table: "ReferenceRequests",
                columns: new[] { "RequesterId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_Status_NeededBy",
                table: "ReferenceRequests",
                columns: new[] { "Status", "NeededBy" });

            migrationBuilder.CreateIndex(
                name: "IX_Regions_Name",
                table: "Regions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_RequestId_At",
                table: "RequestEvents",
                columns: new[] { "RequestId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_AdvocateId_Status",
                table: "RequestParticipants",
                columns: new[] { "AdvocateId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_AskTokenHash",
                table: "RequestParticipants",
                column: "AskTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_FeedbackTokenHash",
                table: "RequestParticipants",
                column: "FeedbackTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_Objection_OwnerDecidedAt",
                table: "RequestParticipants",
                columns: new[] { "Objection", "OwnerDecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_ReminderTokenHash",
                table: "RequestParticipants",
                column: "ReminderTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestParticipants_RequestId_AdvocateId",
                table: "RequestParticipants",
                columns: new[] { "RequestId", "AdvocateId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestProducts_ProductId",
                table: "RequestProducts",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_SalesAreas_Name",
                table: "SalesAreas",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SalesAreas_RegionId",
                table: "SalesAreas",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_Sectors_Name",
                table: "Sectors",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SentReminder_Recipient_Day",
                table: "SentReminder",
                columns: new[] { "Recipient", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEscalations_Scope_ScopeId_StartedAt",
                table: "ServiceEscalations",
                columns: new[] { "Scope", "ScopeId", "StartedAt" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceEscalations_StartedAt",
                table: "ServiceEscalations",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_AccountId_CreatedAt",
                table: "WishListEntries",
                columns: new[] { "AccountId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_OpenAccountId",
                table: "WishListEntries",
                column: "OpenAccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_OpportunityId",
                table: "WishListEntries",
                column: "OpportunityId");

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_OwnerId_CreatedAt",
                table: "WishListEntries",
                columns: new[] { "OwnerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_Stage_CreatedAt",
                table: "WishListEntries",
                columns: new[] { "Stage", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_UpdatedAt",
                table: "WishListEntries",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WishListEntries_WisherId_CreatedAt",
                table: "WishListEntries",
                columns: new[] { "WisherId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessTokens");

            migrationBuilder.DropTable(
                name: "AccountGates");

            migrationBuilder.DropTable(
                name: "AccountProducts");

            migrationBuilder.DropTable(
                name: "AdvocacyActivities");

            migrationBuilder.DropTable(
                name: "AdvocacyKit");

            migrationBuilder.DropTable(
                name: "AdvocateBlackouts");

            migrationBuilder.DropTable(
                name: "AdvocateProducts");

            migrationBuilder.DropTable(
                name: "AdvocateStatusChanges");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "ExecutiveCommitments");

            migrationBuilder.DropTable(
                name: "ExecutiveEventAttendances");

            migrationBuilder.DropTable(
                name: "HygieneAnswers");

            migrationBuilder.DropTable(
                name: "ImportRejections");

            migrationBuilder.DropTable(
                name: "ImportRunEvents");

            migrationBuilder.DropTable(
                name: "ImportSeenValues");

            migrationBuilder.DropTable(
                name: "ImportValueMappings");

            migrationBuilder.DropTable(
                name: "ImportWarnings");

            migrationBuilder.DropTable(
                name: "MatchChange");

            migrationBuilder.DropTable(
                name: "MatchSnapshots");

            migrationBuilder.DropTable(
                name: "NominationEvents");

            migrationBuilder.DropTable(
                name: "NominationProducts");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutboundMails");

            migrationBuilder.DropTable(
                name: "PlaybookAnswers");

            migrationBuilder.DropTable(
                name: "ProgramSettings");

            migrationBuilder.DropTable(
                name: "RequestEvents");

            migrationBuilder.DropTable(
                name: "RequestParticipants");

            migrationBuilder.DropTable(
                name: "RequestProducts");

            migrationBuilder.DropTable(
                name: "SentReminder");

            migrationBuilder.DropTable(
                name: "ServiceEscalations");

            migrationBuilder.DropTable(
                name: "WishListEntries");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "OnboardingPlans");

            migrationBuilder.DropTable(
                name: "ExecutiveProgramEvents");

            migrationBuilder.DropTable(
                name: "ExecutiveProgramMembers");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "Nominations");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "ReferenceRequests");

            migrationBuilder.DropTable(
                name: "ExecutivePrograms");

            migrationBuilder.DropTable(
                name: "Advocates");

            migrationBuilder.DropTable(
                name: "Opportunities");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Products");

            migrationBuilder.DropTable(
                name: "Accounts");

            migrationBuilder.DropTable(
                name: "SalesAreas");

            migrationBuilder.DropTable(
                name: "Sectors");

            migrationBuilder.DropTable(
                name: "Regions");
        }
    }
}
