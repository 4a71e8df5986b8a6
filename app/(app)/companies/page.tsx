import { placeholderPage } from '@/components/ui/placeholder-page';

const page = placeholderPage('companies');
export const generateMetadata = page.generateMetadata;
export default page.Page;
