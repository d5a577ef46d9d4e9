// PeerBot on Azure: App Service (Linux container) + Azure Bot (Teams and SMS channels) + PostgreSQL Flexible
// Server + Key Vault. Secrets live only in Key Vault; the web app reads them through Key Vault references with its
// system-assigned identity.
//
//   az deployment group create -g <rg> -f deploy/azure/main.bicep -p deploy/azure/main.parameters.json \
//     -p botAppPassword=<secret> postgresPassword=<secret> twilioAuthToken=<secret>

targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names.')
@minLength(3)
@maxLength(12)
param namePrefix string

param location string = resourceGroup().location

@description('Container image, e.g. myregistry.azurecr.io/peerbot:1.0.0')
param containerImage string

@description('Entra ID app registration (client) id of the bot.')
param botAppId string

@description('Tenant of the bot app registration (single-tenant bot).')
param botTenantId string = subscription().tenantId

@secure()
@description('Client secret of the bot app registration.')
param botAppPassword string

param postgresAdminLogin string = 'peerbotadmin'

@secure()
param postgresPassword string

@description('Twilio number (E.164) for the Azure Bot SMS channel and the direct webhook; empty = no SMS.')
param twilioPhoneNumber string = ''

param twilioAccountSid string = ''

@secure()
param twilioAuthToken string = ''

@description('IANA zone used for check-ins when the channel gives none.')
param defaultTimeZone string = 'America/New_York'

@description('Name shown in SMS HELP replies.')
param smsProgramName string = 'PeerBot'

var enableSms = !empty(twilioPhoneNumber) && !empty(twilioAccountSid) && !empty(twilioAuthToken)
var suffix = uniqueString(resourceGroup().id, namePrefix)
var webAppName = '${namePrefix}-bot-${suffix}'
var keyVaultName = take('${namePrefix}kv${suffix}', 24)
var postgresName = '${namePrefix}-pg-${suffix}'
// Built-in role "Key Vault Secrets User".
var secretsUserRole = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '4633458b-17de-408a-b874-0445c86b69e6')

resource keyVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: keyVaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 30
    enablePurgeProtection: true
  }
}

resource botPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'bot-app-password'
  properties: { value: botAppPassword }
}

resource connectionStringSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: keyVault
  name: 'postgres-connection-string'
  properties: {
    value: 'Host=${postgres.properties.fullyQualifiedDomainName};Database=peerbot;Username=${postgresAdminLogin};Password=${postgresPassword};SSL Mode=Require'
  }
}

resource twilioTokenSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (enableSms) {
  parent: keyVault
  name: 'twilio-auth-token'
  properties: { value: twilioAuthToken }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: postgresName
  location: location
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdminLogin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    backup: { backupRetentionDays: 14, geoRedundantBackup: 'Disabled' }
    highAvailability: { mode: 'Disabled' }
  }
}

resource postgresDb 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-06-01-preview' = {
  parent: postgres
  name: 'peerbot'
  properties: { charset: 'UTF8', collation: 'en_US.utf8' }
}

// Lets Azure services (the web app) reach the server; use VNet integration for a private deployment.
resource postgresAllowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-06-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${namePrefix}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: { name: 'P0v3', tier: 'Premium0V3' }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOCKER|${containerImage}'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      healthCheckPath: '/healthz'
      appSettings: concat([
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'ASPNETCORE_ENVIRONMENT', value: 'Production' }
        { name: 'PeerBot__Database__Provider', value: 'Postgres' }
        { name: 'ConnectionStrings__PeerBot', value: '@Microsoft.KeyVault(SecretUri=${connectionStringSecret.properties.secretUri})' }
        { name: 'PeerBot__BotFramework__AppId', value: botAppId }
        { name: 'PeerBot__BotFramework__AppPassword', value: '@Microsoft.KeyVault(SecretUri=${botPasswordSecret.properties.secretUri})' }
        { name: 'PeerBot__BotFramework__AppType', value: 'SingleTenant' }
        { name: 'PeerBot__BotFramework__TenantId', value: botTenantId }
        { name: 'PeerBot__Scheduling__DefaultTimeZone', value: defaultTimeZone }
        { name: 'PeerBot__Sms__ProgramName', value: smsProgramName }
      ], enableSms ? [
        { name: 'PeerBot__Twilio__AccountSid', value: twilioAccountSid }
        { name: 'PeerBot__Twilio__AuthToken', value: '@Microsoft.KeyVault(SecretUri=${twilioTokenSecret.properties.secretUri})' }
        { name: 'PeerBot__Twilio__FromNumber', value: twilioPhoneNumber }
        { name: 'PeerBot__Twilio__PublicBaseUrl', value: 'https://${webAppName}.azurewebsites.net' }
      ] : [])
    }
  }
}

resource webAppReadsSecrets 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, webApp.id, secretsUserRole)
  scope: keyVault
  properties: {
    roleDefinitionId: secretsUserRole
    principalId: webApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${namePrefix}-azbot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'S1' }
  properties: {
    displayName: 'PeerBot'
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAppId
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
    disableLocalAuth: false
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: { isEnabled: true, enableCalling: false }
  }
}

// Azure Bot's Twilio channel (channelId "sms"). Point the Twilio number's messaging webhook at
// https://sms.botframework.com/api/sms — or, without Azure Bot, at https://<web app>/api/sms/twilio.
resource smsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = if (enableSms) {
  parent: bot
  name: 'SmsChannel'
  location: 'global'
  properties: {
    channelName: 'SmsChannel'
    properties: {
      phone: twilioPhoneNumber
      accountSID: twilioAccountSid
      authToken: twilioAuthToken
      isEnabled: true
      isValidated: false
    }
  }
}

output webAppUrl string = 'https://${webApp.properties.defaultHostName}'
output messagingEndpoint string = bot.properties.endpoint
output keyVaultName string = keyVault.name
output postgresServer string = postgres.properties.fullyQualifiedDomainName
