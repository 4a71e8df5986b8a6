import { placeholderPage } from '@/components/ui/placeholder-page';

const page = placeholderPage('today');
export const generateMetadata = page.generateMetadata;
export default page.Page;
