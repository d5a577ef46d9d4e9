using Microsoft.EntityFrameworkCore;

namespace PeerBot.Data;

/// <summary>PostgreSQL, for deployments with more than one replica. Native timestamptz.</summary>
public sealed class PostgresPeerBotDb(DbContextOptions<PostgresPeerBotDb> options) : PeerBotDb(options);
