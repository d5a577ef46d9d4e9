using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeerBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditTrail",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandoffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditTrail", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelStates",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Discreet = table.Column<bool>(type: "INTEGER", nullable: false),
                    Unreachable = table.Column<bool>(type: "INTEGER", nullable: false),
                    UnreachableSince = table.Column<long>(type: "INTEGER", nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    WelcomedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelStates", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "ClientSchedules",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QuietStartMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    QuietEndMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MissedInRow = table.Column<int>(type: "INTEGER", nullable: false),
                    GoneQuiet = table.Column<bool>(type: "INTEGER", nullable: false),
                    GoneQuietSince = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClientSchedules", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "ConsentLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TextVersion = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChannelHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Locale = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReferenceJson = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceUrlVerified = table.Column<bool>(type: "INTEGER", nullable: false),
                    DialogStateJson = table.Column<string>(type: "TEXT", nullable: true),
                    SafetyStateJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Key);
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
                name: "EpisodeFacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Cipher = table.Column<string>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EpisodeFacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastActivityAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Episodes", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "HandoffAlerts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HandoffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    Delivered = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Handoffs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PeerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PeerName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FirstClaimedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastClientMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastPeerMessageAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RenotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EscalatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IdleReminderAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TransferCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NoteCipher = table.Column<string>(type: "TEXT", nullable: true),
                    DebriefedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FlaggedForSupervisor = table.Column<bool>(type: "INTEGER", nullable: false),
                    FeedbackPending = table.Column<bool>(type: "INTEGER", nullable: false),
                    Helpful = table.Column<bool>(type: "INTEGER", nullable: true),
                    ClientUnreachableAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TranscriptDeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Handoffs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandoffTranscript",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandoffId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sender = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Cipher = table.Column<string>(type: "TEXT", nullable: false),
                    Tier = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandoffTranscript", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboundActivities",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboundActivities", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "KeyRingProbe",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Cipher = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KeyRingProbe", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ActivityJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReplyToId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PeerAccounts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaseloadCap = table.Column<int>(type: "INTEGER", nullable: true),
                    FailedLogins = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeerAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PrivacyPrompts",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PrivacyPrompts", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "RecoveryGoals",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProtectedGoals = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecoveryGoals", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "resource_locations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_locations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_organizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_phones",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Number = table.Column<string>(type: "TEXT", nullable: false),
                    Extension = table.Column<string>(type: "TEXT", nullable: true),
                    Type = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceId = table.Column<string>(type: "TEXT", nullable: true),
                    LocationId = table.Column<string>(type: "TEXT", nullable: true),
                    OrganizationId = table.Column<string>(type: "TEXT", nullable: true),
                    ServiceAtLocationId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_phones", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SafetyPlans",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ProtectedPlan = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SafetyPlans", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "Schedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LocalMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysMask = table.Column<int>(type: "INTEGER", nullable: false),
                    OnceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NextRunAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsConsentLedger",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Keyword = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsConsentLedger", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsDeliveryStatuses",
                columns: table => new
                {
                    MessageSid = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsDeliveryStatuses", x => x.MessageSid);
                });

            migrationBuilder.CreateTable(
                name: "Summaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConversationKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EpisodeStartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EpisodeEndedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MaxTier = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cipher = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Summaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "resource_addresses",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", nullable: false),
                    Address1 = table.Column<string>(type: "TEXT", nullable: true),
                    Address2 = table.Column<string>(type: "TEXT", nullable: true),
                    City = table.Column<string>(type: "TEXT", nullable: true),
                    StateProvince = table.Column<string>(type: "TEXT", nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    AddressType = table.Column<string>(type: "TEXT", nullable: true),
                    CityKey = table.Column<string>(type: "TEXT", nullable: false),
                    StateKey = table.Column<string>(type: "TEXT", nullable: false),
                    Zip5 = table.Column<string>(type: "TEXT", nullable: true),
                    Zip3 = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_addresses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resource_addresses_resource_locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "resource_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AlternateName = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Hours = table.Column<string>(type: "TEXT", nullable: true),
                    SourceFile = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_services", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resource_services_resource_organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "resource_organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "resource_service_categories",
                columns: table => new
                {
                    ServiceId = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_service_categories", x => new { x.ServiceId, x.Category });
                    table.ForeignKey(
                        name: "FK_resource_service_categories_resource_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "resource_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "resource_service_locations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ServiceId = table.Column<string>(type: "TEXT", nullable: false),
                    LocationId = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_resource_service_locations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_resource_service_locations_resource_locations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "resource_locations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_resource_service_locations_resource_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "resource_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_At",
                table: "AuditTrail",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditTrail_HandoffId",
                table: "AuditTrail",
                column: "HandoffId");

            migrationBuilder.CreateIndex(
                name: "IX_ClientSchedules_GoneQuiet",
                table: "ClientSchedules",
                column: "GoneQuiet");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentLedger_ConversationKey_Id",
                table: "ConsentLedger",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelHash",
                table: "Conversations",
                column: "ChannelHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EpisodeFacts_ConversationKey_Id",
                table: "EpisodeFacts",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_DueAt",
                table: "Episodes",
                column: "DueAt");

            migrationBuilder.CreateIndex(
                name: "IX_HandoffAlerts_HandoffId",
                table: "HandoffAlerts",
                column: "HandoffId");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_ConversationKey",
                table: "Handoffs",
                column: "ConversationKey");

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_PeerId_State",
                table: "Handoffs",
                columns: new[] { "PeerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Handoffs_State_CreatedAt",
                table: "Handoffs",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HandoffTranscript_ConversationKey_Id",
                table: "HandoffTranscript",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HandoffTranscript_HandoffId_Id",
                table: "HandoffTranscript",
                columns: new[] { "HandoffId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_InboundActivities_ReceivedAt",
                table: "InboundActivities",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ConversationKey_Id",
                table: "Outbox",
                columns: new[] { "ConversationKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_NextAttemptAt",
                table: "Outbox",
                column: "NextAttemptAt");

            migrationBuilder.CreateIndex(
                name: "IX_PeerAccounts_Email",
                table: "PeerAccounts",
                column: "Email",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_resource_addresses_CityKey",
                table: "resource_addresses",
                column: "CityKey");

            migrationBuilder.CreateIndex(
                name: "IX_resource_addresses_LocationId",
                table: "resource_addresses",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_resource_addresses_Zip3",
                table: "resource_addresses",
                column: "Zip3");

            migrationBuilder.CreateIndex(
                name: "IX_resource_addresses_Zip5",
                table: "resource_addresses",
                column: "Zip5");

            migrationBuilder.CreateIndex(
                name: "IX_resource_phones_ServiceId",
                table: "resource_phones",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_resource_service_categories_Category",
                table: "resource_service_categories",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_resource_service_locations_LocationId",
                table: "resource_service_locations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_resource_service_locations_ServiceId",
                table: "resource_service_locations",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_resource_services_OrganizationId",
                table: "resource_services",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_Active_NextRunAt",
                table: "Schedules",
                columns: new[] { "Active", "NextRunAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Schedules_ConversationKey",
                table: "Schedules",
                column: "ConversationKey");

            migrationBuilder.CreateIndex(
                name: "IX_SmsConsentLedger_NumberHash_Id",
                table: "SmsConsentLedger",
                columns: new[] { "NumberHash", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_ConversationKey_CreatedAt",
                table: "Summaries",
                columns: new[] { "ConversationKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Summaries_CreatedAt",
                table: "Summaries",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditTrail");

            migrationBuilder.DropTable(
                name: "ChannelStates");

            migrationBuilder.DropTable(
                name: "ClientSchedules");

            migrationBuilder.DropTable(
                name: "ConsentLedger");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EpisodeFacts");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropTable(
                name: "HandoffAlerts");

            migrationBuilder.DropTable(
                name: "Handoffs");

            migrationBuilder.DropTable(
                name: "HandoffTranscript");

            migrationBuilder.DropTable(
                name: "InboundActivities");

            migrationBuilder.DropTable(
                name: "KeyRingProbe");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "PeerAccounts");

            migrationBuilder.DropTable(
                name: "PrivacyPrompts");

            migrationBuilder.DropTable(
                name: "RecoveryGoals");

            migrationBuilder.DropTable(
                name: "resource_addresses");

            migrationBuilder.DropTable(
                name: "resource_phones");

            migrationBuilder.DropTable(
                name: "resource_service_categories");

            migrationBuilder.DropTable(
                name: "resource_service_locations");

            migrationBuilder.DropTable(
                name: "SafetyPlans");

            migrationBuilder.DropTable(
                name: "Schedules");

            migrationBuilder.DropTable(
                name: "SmsConsentLedger");

            migrationBuilder.DropTable(
                name: "SmsDeliveryStatuses");

            migrationBuilder.DropTable(
                name: "Summaries");

            migrationBuilder.DropTable(
                name: "resource_locations");

            migrationBuilder.DropTable(
                name: "resource_services");

            migrationBuilder.DropTable(
                name: "resource_organizations");
        }
    }
}
