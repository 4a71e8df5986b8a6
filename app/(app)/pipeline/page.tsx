import { placeholderPage } from '@/components/ui/placeholder-page';

const page = placeholderPage('pipeline');
export const generateMetadata = page.generateMetadata;
export default page.Page;
