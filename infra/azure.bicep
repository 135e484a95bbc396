// Peer Circles in Azure: App Service (Node 20) with a system-assigned identity, serverless
// Cosmos DB whose data plane that identity may use (no keys), and an Azure Bot on Teams.
@maxLength(20)
@minLength(4)
param resourceBaseName string

@description('The bot Entra app id, from botAadApp/create.')
param botAadAppClientId string

@secure()
@description('The bot Entra app secret, from botAadApp/create.')
param botAadAppClientSecret string

@description('The SSO Entra app id, from aadApp/create.')
param aadAppClientId string

@description('Comma-separated Entra object ids of the first programme admins.')
param programAdmins string = ''

param webAppSku string = 'B1'
param botDisplayName string = 'Peer Circles'
param location string = resourceGroup().location

var serverfarmsName = resourceBaseName
var webAppName = resourceBaseName
var cosmosAccountName = toLower('${resourceBaseName}-cosmos')
var cosmosDatabaseName = 'peer-circles'
var containerNames = ['settings', 'requests', 'huddles', 'circles', 'audit']
// The built-in "Cosmos DB Built-in Data Contributor" role.
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource serverfarm 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: serverfarmsName
  location: location
  kind: 'app,linux'
  sku: { name: webAppSku }
  properties: { reserved: true }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      alwaysOn: true
      ftpsState: 'Disabled'
      minTlsVersion: '1.2'
      // The bundle `npm run build` wrote (deploy runs it), with plain node: no TypeScript at start-up.
      appCommandLine: 'node dist/server.js'
      appSettings: [
        { name: 'NODE_ENV', value: 'production' }
        { name: 'PORT', value: '8080' }
        { name: 'AUTH_MODE', value: 'entra' }
        { name: 'BOT_ID', value: botAadAppClientId }
        { name: 'BOT_PASSWORD', value: botAadAppClientSecret }
        { name: 'BOT_TENANT_ID', value: '' }
        { name: 'BOT_DOMAIN', value: '${webAppName}.azurewebsites.net' }
        { name: 'TAB_ENDPOINT', value: 'https://${webAppName}.azurewebsites.net' }
        { name: 'AAD_APP_CLIENT_ID', value: aadAppClientId }
        { name: 'AAD_APP_TENANT_ID', value: subscription().tenantId }
        { name: 'PROGRAM_ADMINS', value: programAdmins }
        { name: 'COSMOS_ENDPOINT', value: cosmosAccount.properties.documentEndpoint }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
      ]
    }
  }
}

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: cosmosAccountName
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: { defaultConsistencyLevel: 'Session' }
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: false }]
    capabilities: [{ name: 'EnableServerless' }]
    // Only Entra identities may read or write data: account keys are switched off.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmosAccount
  name: cosmosDatabaseName
  properties: { resource: { id: cosmosDatabaseName } }
}

resource cosmosContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for name in containerNames: {
  parent: cosmosDatabase
  name: name
  properties: {
    resource: {
      id: name
      partitionKey: { paths: ['/tenantId'], kind: 'Hash' }
      // TTL on, no default expiry: each document states its own retention.
      defaultTtl: -1
    }
  }
}]

resource cosmosDataRole 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, webApp.id, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: webApp.identity.principalId
    scope: cosmosAccount.id
  }
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: resourceBaseName
  location: 'global'
  kind: 'azurebot'
  sku: { name: 'F0' }
  properties: {
    displayName: botDisplayName
    endpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'MultiTenant'
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: { channelName: 'MsTeamsChannel' }
}

output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output TAB_DOMAIN string = webApp.properties.defaultHostName
output COSMOS_ENDPOINT string = cosmosAccount.properties.documentEndpoint
