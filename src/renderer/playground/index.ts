/** The playground: a server's tools, resources and prompts, callable by hand. */
import './playground.css';
import './schema-form/schema-form.css';
import './results/results.css';
import './results/content-blocks.css';

export { ToolsTab } from './tools/ToolsTab';
export { ResourcesTab } from './resources/ResourcesTab';
export { PromptsTab } from './prompts/PromptsTab';
