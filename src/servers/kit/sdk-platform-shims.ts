/**
 * What the servers' bundles give the SDK for its "@modelcontextprotocol/server/_shims" import (see
 * scripts/build-servers.mjs). On Node the SDK's own shims make Ajv the default JSON Schema
 * validator, and Ajv is a third of a server's code to compile at every start, though only the
 * SDK's `fromJsonSchema` reaches it and the servers never call that: their schemas are zod. The
 * SDK's Cloudflare Workers build uses this same validator, so a future caller still gets one.
 */
export { CfWorkerJsonSchemaValidator as DefaultJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
export { default as process } from 'node:process';
