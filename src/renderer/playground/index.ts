/** The playground: a server's tools, resources and prompts, callable by hand. */
import './playground.css';
import './schema-form.css';
import './results.css';
import './content-blocks.css';

export { ToolsTab } from './ToolsTab';
export { ResourcesTab } from './ResourcesTab';
export { PromptsTab } from './PromptsTab';
