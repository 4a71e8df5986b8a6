import { placeholderPage } from '@/components/ui/placeholder-page';

const page = placeholderPage('analytics');
export const generateMetadata = page.generateMetadata;
export default page.Page;
