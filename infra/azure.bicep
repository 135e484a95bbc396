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

@description('App Service plan SKU. Autoscale needs Standard or above; zone redundancy needs Premium v3.')
param webAppSku string = 'P1v3'

@minValue(2)
@description('Instances the plan always runs: at least two, so one can go (deploy, crash, zone) while the other serves. They share only Cosmos DB.')
param minimumInstances int = 2

@minValue(2)
@maxValue(30)
@description('The most instances autoscale may add.')
param maximumInstances int = 10

@description('Spread the App Service instances and the Cosmos DB region over availability zones (needs Premium v3 and a region with zones).')
param zoneRedundant bool = false

@allowed(['serverless', 'autoscale'])
@description('Cosmos DB throughput: serverless (pay per request) or provisioned autoscale on the database.')
param cosmosThroughputMode string = 'serverless'

@minValue(1000)
@description('With autoscale throughput: the most RU/s the database may scale to (it scales down to a tenth).')
param cosmosAutoscaleMaxThroughput int = 4000
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
  sku: { name: webAppSku, capacity: minimumInstances }
  properties: { reserved: true, zoneRedundant: zoneRedundant }
}

// Out on sustained CPU or memory, in when quiet; never under minimumInstances.
resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: '${serverfarmsName}-autoscale'
  location: location
  properties: {
    enabled: true
    targetResourceUri: serverfarm.id
    profiles: [
      {
        name: 'default'
        capacity: { minimum: string(minimumInstances), maximum: string(maximumInstances), default: string(minimumInstances) }
        rules: [
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: serverfarm.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT5M', timeAggregation: 'Average', operator: 'GreaterThan', threshold: 70 }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }
          }
          {
            metricTrigger: { metricName: 'MemoryPercentage', metricResourceUri: serverfarm.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT5M', timeAggregation: 'Average', operator: 'GreaterThan', threshold: 80 }
            scaleAction: { direction: 'Increase', type: 'ChangeCount', value: '1', cooldown: 'PT5M' }
          }
          {
            metricTrigger: { metricName: 'CpuPercentage', metricResourceUri: serverfarm.id, timeGrain: 'PT1M', statistic: 'Average', timeWindow: 'PT15M', timeAggregation: 'Average', operator: 'LessThan', threshold: 30 }
            scaleAction: { direction: 'Decrease', type: 'ChangeCount', value: '1', cooldown: 'PT15M' }
          }
        ]
      }
    ]
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: serverfarm.id
    httpsOnly: true
    // Any instance can serve anyone: presence, limits and huddles live in Cosmos DB, so no affinity cookie.
    clientAffinityEnabled: false
    siteConfig: {
      // App Service takes an instance out of the balancer while /readyz says it cannot reach the store.
      healthCheckPath: '/readyz'

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
    locations: [{ locationName: location, failoverPriority: 0, isZoneRedundant: zoneRedundant }]
    capabilities: cosmosThroughputMode == 'serverless' ? [{ name: 'EnableServerless' }] : []
    // Only Entra identities may read or write data: account keys are switched off.
    disableLocalAuth: true
    minimalTlsVersion: 'Tls12'
  }
}

resource cosmosDatabase 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: cosmosAccount
  name: cosmosDatabaseName
  properties: {
    resource: { id: cosmosDatabaseName }
    options: cosmosThroughputMode == 'autoscale' ? { autoscaleSettings: { maxThroughput: cosmosAutoscaleMaxThroughput } } : {}
  }
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
